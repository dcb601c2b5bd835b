// Lesson 06 — general methods over UDP: sendto and recvfrom.
// Runs as is with: jshell lessons/snippets/06-general-udp.jsh

import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;

var loopback = InetAddress.getLoopbackAddress();

// tag::udp-exchange[]
// tag::sendto[]
// Python: s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.sendto(b"hola", (host, port))
var receiver = new DatagramSocket(new InetSocketAddress(loopback, 0));
receiver.setSoTimeout(2000);                      // receive() waits at most 2 s
var sender = new DatagramSocket(new InetSocketAddress(loopback, 0));
byte[] data = "hola".getBytes(StandardCharsets.UTF_8);
sender.send(new DatagramPacket(data, data.length, receiver.getLocalSocketAddress()));
// end::sendto[]

// tag::recvfrom[]
// Python: data, addr = s.recvfrom(1024)
byte[] buffer = new byte[1024];
var packet = new DatagramPacket(buffer, buffer.length);
receiver.receive(packet);
String text = new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
System.out.println(packet.getLength() + " bytes: " + text);
System.out.println("addr is the sender's address: " + packet.getSocketAddress().equals(sender.getLocalSocketAddress()));
// end::recvfrom[]
// end::udp-exchange[]

// tag::udp-whole-buffer[]
// Decoding the whole buffer instead of getLength() bytes: the unused bytes are zeros (NUL).
String wrong = new String(buffer, StandardCharsets.UTF_8);
System.out.println("length " + wrong.length() + ", ends with NUL: " + wrong.endsWith("\0")
        + ", equals \"hola\": " + wrong.equals("hola"));
// end::udp-whole-buffer[]

// tag::udp-boundaries[]
// UDP keeps each datagram whole: two sends, two receives.
for (String m : new String[] {"hello", "world"}) {
    byte[] b = m.getBytes(StandardCharsets.UTF_8);
    sender.send(new DatagramPacket(b, b.length, receiver.getLocalSocketAddress()));
}
for (int i = 0; i < 2; i++) {
    var p = new DatagramPacket(new byte[1024], 1024);
    receiver.receive(p);
    System.out.println("datagram: " + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
}
// end::udp-boundaries[]

// tag::udp-truncated[]
// A datagram longer than the buffer is cut: the rest is lost, not kept for the next receive().
byte[] alphabet = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);
sender.send(new DatagramPacket(alphabet, alphabet.length, receiver.getLocalSocketAddress()));
var small = new DatagramPacket(new byte[5], 5);
receiver.receive(small);
System.out.println("got " + small.getLength() + " bytes: " + new String(small.getData(), 0, small.getLength(), StandardCharsets.UTF_8));
receiver.setSoTimeout(200);
try {
    receiver.receive(small);
} catch (SocketTimeoutException e) {
    System.out.println("the rest? " + e.getMessage());
}
receiver.setSoTimeout(2000);
// end::udp-truncated[]

// tag::udp-limit[]
// IPv4: 65,535 (largest IP packet) - 20 (IP header) - 8 (UDP header) = 65,507 bytes of data.
var largest = new byte[65_507];
sender.send(new DatagramPacket(largest, largest.length, receiver.getLocalSocketAddress()));
var big = new DatagramPacket(new byte[65_535], 65_535);
receiver.receive(big);
System.out.println("65,507 bytes: sent and received " + big.getLength());
var tooBig = new byte[65_508];
// throws: java.net.SocketException
sender.send(new DatagramPacket(tooBig, tooBig.length, receiver.getLocalSocketAddress()));
// end::udp-limit[]

// tag::udp-timeout[]
receiver.setSoTimeout(200);                       // nobody sends: without a timeout this waits forever
// throws: java.net.SocketTimeoutException
receiver.receive(new DatagramPacket(new byte[1024], 1024));
// end::udp-timeout[]

// tag::udp-mtu[]
// What fits in ONE packet on each network interface, without IP fragmentation: the MTU minus the
// IP header (20 bytes in IPv4, 40 in IPv6) and the UDP header (8). An IPv4 packet is at most 65,535 bytes.
for (var nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
    int mtu = nic.isUp() ? nic.getMTU() : -1;
    if (mtu > 0) {
        System.out.println(nic.getName() + ": MTU " + mtu + " -> up to " + (Math.min(mtu, 65_535) - 28)
                + " bytes per datagram over IPv4, " + (mtu - 48) + " over IPv6");
    }
}
// end::udp-mtu[]

sender.close();
receiver.close();
/exit
