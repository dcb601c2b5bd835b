package sockets101.grader.remote;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @Test
    void plainDataGoesAndComesBackAsItWas() throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 8080);
        List<Object> values = List.of(true, 7, 7L, 1.5, 'ñ', "¿Qué tal? 🎉", List.of(1, "dos"), Map.of("k", List.of("v")),
                address, InetSocketAddress.createUnresolved("nowhere.invalid", 1), Duration.ofMillis(1500),
                new Values.Ref(Values.Kind.SOCKET, 3),
                new Values.RecordData("sockets101.x.R", Map.of("a", 1)),
                new Values.ErrorData("java.io.EOFException", "end", List.of(), null));
        List<Object> back = Values.decode(Values.encode(values.toArray()));
        assertThat(back.subList(0, 8)).isEqualTo(values.subList(0, 8));
        assertThat(back.get(8)).isEqualTo(address);
        assertThat(((InetSocketAddress) back.get(9)).isUnresolved()).isTrue();
        assertThat(back.subList(10, back.size())).isEqualTo(values.subList(10, values.size()));
        assertThat((byte[]) Values.decode(Values.encode((Object) new byte[] {1, 2, 3})).get(0)).containsExactly(1, 2, 3);
    }

    @Test
    void aCountLargerThanTheMessageIsRefusedBeforeAnyAllocation() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(8); // BYTES
            out.writeInt(Integer.MAX_VALUE);
        }
        assertThatThrownBy(() -> Values.decode(bytes.toByteArray())).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than what is left");
    }

    @Test
    void nestingIsBounded() {
        Object deep = List.of();
        for (int i = 0; i < 40; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> Values.encode(tooDeep)).isInstanceOf(IOException.class).hasMessageContaining("nested");
    }

    @Test
    void objectsThatAreNotPlainDataAreRefused() {
        assertThatThrownBy(() -> Values.encode(new Object())).isInstanceOf(IOException.class)
                .hasMessageContaining("not plain data: java.lang.Object");
    }

    @Test
    void aJvmOfItsOwnAnswersWithPlainDataAndRebuiltExceptions() throws Exception {
        try (StudentJvm jvm = StudentJvm.local(List.of())) {
            assertThat(jvm.call(Integer.class, "parseInt", "42")).isEqualTo(42);
            assertThatThrownBy(() -> jvm.call(Integer.class, "parseInt", "cuarenta y dos"))
                    .isExactlyInstanceOf(NumberFormatException.class).hasMessageContaining("cuarenta y dos");
        }
    }
}
