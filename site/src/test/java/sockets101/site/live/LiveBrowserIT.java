package sockets101.site.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A real browser (headless Chromium) on the built site, served live: open a lesson, run the
 * server cell, then the client cell, and see the server's reply in the page. Also: the same page
 * opened as a static file keeps its captured outputs and shows no Run button.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TOKEN = "b0a7d1e5f00dfeed";
    private static final String SERVER = "04-server-accept-accept-server";
    private static final String CLIENT = "04-server-accept-accept-client";

    @TempDir
    static Path profile;
    private static LiveServer server;
    private static WebDriver browser;
    private static Path site;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "headless Chromium is needed: install the Debian packages chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; CI=true, so the browser test may not be skipped");
            }
            abort("SKIPPED the browser test: " + why);
        }
        site = Path.of(System.getProperty("sockets101.site", "target/site"));
        Path snippets = Path.of(System.getProperty("sockets101.snippets", "../lessons/snippets"));
        assertThat(site.resolve("en/04-server.html")).as("the site is built in the package phase").exists();
        server = LiveServer.start(new LiveServer.Config(site, snippets, "127.0.0.1", 0, Duration.ofSeconds(10),
                100_000, 2, Duration.ofMinutes(5), TOKEN), false);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A cell of lesson 04 by its id less "snippet-": FILE-TAG. */
    private static WebElement cell(String name) {
        return browser.findElement(By.id("snippet-" + name));
    }

    /**
     * Clicks a cell's button as a reader does: scrolled to the middle of the window first, since
     * the page's sticky header can cover a button that the driver counts as visible.
     */
    private static void click(WebElement cell, String button) {
        WebElement b = cell.findElement(By.className(button));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", b);
        b.click();
    }

    private static String waitForStatus(String tag) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        wait.until(b -> {
            String status = cell(tag).findElement(By.className("live-status")).getAttribute("data-status");
            return status != null && !status.equals("running");
        });
        return cell(tag).findElement(By.className("live-status")).getAttribute("data-status");
    }

    @Test
    void aServerCellThenAClientCellShowTheReply() {
        // As a reader does: open the printed address (landing page), then the lesson.
        browser.get("http://127.0.0.1:" + server.port() + "/?token=" + TOKEN);
        browser.get("http://127.0.0.1:" + server.port() + "/en/04-server.html");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> !b.findElements(By.cssSelector("#snippet-" + SERVER + " .live-run")).isEmpty());

        assertThat((String) ((JavascriptExecutor) browser).executeScript("return document.cookie"))
                .as("the token cookie is HttpOnly: the page's script found the token without reading it")
                .doesNotContain(TOKEN);

        click(cell(SERVER), "live-run");
        assertThat(waitForStatus(SERVER)).as(cell(SERVER).getText()).isEqualTo("ok");
        assertThat(cell(SERVER).findElement(By.className("live-output")).getText())
                .contains("accepting on ").contains("127.0.0.1:");

        click(cell(CLIENT), "live-run");
        assertThat(waitForStatus(CLIENT)).as(cell(CLIENT).getText()).isEqualTo("ok");
        WebElement output = cell(CLIENT).findElement(By.className("live-output"));
        assertThat(output.isDisplayed()).isTrue();
        assertThat(output.getText()).contains("the server saw my address: true");
        assertThat(cell(CLIENT).findElement(By.cssSelector(".output")).isDisplayed())
                .as("the live output replaces the captured one").isFalse();

        // Edit the client's message, run it against a fresh server, then Reset back to the lesson's code.
        click(cell(SERVER), "live-run");
        assertThat(waitForStatus(SERVER)).isEqualTo("ok");
        click(cell(CLIENT), "live-edit");
        WebElement editor = cell(CLIENT).findElement(By.className("live-editor"));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[0].value.replace('the server saw my address: ', 'edited, ');", editor);
        click(cell(CLIENT), "live-run");
        assertThat(waitForStatus(CLIENT)).isEqualTo("ok");
        assertThat(cell(CLIENT).findElement(By.className("live-output")).getText()).contains("edited, true");
        click(cell(CLIENT), "live-reset");
        assertThat(cell(CLIENT).findElement(By.cssSelector(".output")).isDisplayed()).isTrue();
    }

    @Test
    void asAStaticFileThePageShowsCapturedOutputsAndNoRunButton() {
        browser.get(site.resolve("en/04-server.html").toAbsolutePath().toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
        assertThat(browser.findElements(By.className("live-run"))).isEmpty();
        assertThat(cell("04-server-bind").findElement(By.cssSelector(".output")).getText()).contains("bound to");
    }
}
