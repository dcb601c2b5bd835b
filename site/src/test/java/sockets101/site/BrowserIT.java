package sockets101.site;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The built site in a real browser: Debian's headless Chromium driven by its chromedriver,
 * pages opened from {@code file://} as from a USB stick. Every page loads with no console
 * error and nothing from the network; the language switch and the search work; screenshots of a
 * lesson per language (light, dark, phone) are kept under {@code site/target/screenshots}.
 * Skipped with a message where no Chromium is installed, except in CI ({@code CI=true}), where
 * a missing browser fails.
 */
class BrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SITE = NuHtmlIT.SITE.toAbsolutePath();
    static final Path SHOTS = Path.of(System.getProperty("site.shots", "target/screenshots"));

    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why = "no headless Chromium: needs " + CHROMIUM + " and " + DRIVER
                    + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " — in CI the browser test must run, not be skipped");
            }
            Assumptions.abort(why);
        }
        // Selenium Manager is never asked: driver and browser are given explicitly.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        profile = Files.createTempDirectory("sockets101-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static void open(Path page) {
        driver.get(page.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** The lessons in the order the language index lists them. */
    private static List<String> lessons(String lang) {
        open(SITE.resolve(lang + "/index.html"));
        return driver.findElements(By.cssSelector("ol.toc a")).stream().map(a -> a.getAttribute("href")).toList();
    }

    @Test
    void everyPageLoadsWithNoConsoleErrorAndNothingFromTheNetwork() throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(SITE)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThan(3);
        driver.manage().logs().get(LogType.BROWSER); // drop anything logged before
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            open(page);
            String name = SITE.relativize(page).toString();
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                    problems.add(name + ": console " + entry.getLevel() + ": " + entry.getMessage());
                }
            }
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)");
            loaded.stream().filter(url -> !url.startsWith("file:")).forEach(url -> problems.add(name + ": loaded " + url));
            if (!name.equals("index.html")) {
                assertThat(js("return typeof lunr === 'function' && Array.isArray(window.SOCKETS101_SEARCH)"))
                        .as(name + ": lunr and the search index loaded").isEqualTo(true);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLanguageSwitchLandsOnTheSameLesson() {
        List<String> es = lessons("es");
        assertThat(es).isNotEmpty();
        for (String url : es) {
            String slug = url.substring(url.lastIndexOf('/') + 1);
            driver.get(url);
            driver.findElement(By.cssSelector("a.lang-switch")).click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/en/" + slug));
            assertThat(js("return document.documentElement.lang")).isEqualTo("en");
            driver.findElement(By.cssSelector("a.lang-switch")).click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("/es/" + slug));
            assertThat(js("return document.documentElement.lang")).isEqualTo("es");
        }
    }

    private static List<WebElement> search(String text) {
        WebElement input = driver.findElement(By.id("search-input"));
        input.clear();
        input.click();
        input.sendKeys(text);
        WebElement results = driver.findElement(By.id("search-results"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> results.isDisplayed());
        return results.findElements(By.cssSelector("a"));
    }

    @Test
    void searchFindsLessonsInBothLanguagesOffline() throws IOException {
        open(SITE.resolve("es/index.html"));
        // Spanish: no accent, upper case, another inflection still meet "conexión"/"conexiones".
        assertThat(js("return SOCKETS101_STEM_ES('conexiones') === SOCKETS101_STEM_ES('Conexión')")).isEqualTo(true);
        assertThat(js("return SOCKETS101_STEM_ES('servidores') === SOCKETS101_STEM_ES('servidor')")).isEqualTo(true);
        driver.manage().window().setSize(new Dimension(1280, 900));
        List<WebElement> hits = search("CONEXION");
        assertThat(hits).as("hits for CONEXION").isNotEmpty();
        assertThat(hits.get(0).getAttribute("href")).contains("/es/");

        shot("es-search");
        hits = search("socket");
        List<String> hrefs = hits.stream().map(a -> a.getAttribute("href")).toList();
        assertThat(hrefs).as("both languages").anyMatch(h -> h.contains("/es/")).anyMatch(h -> h.contains("/en/"));
        assertThat(hrefs.get(0)).as("the reader's language first").contains("/es/");

        String target = hrefs.get(0);
        hits.get(0).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().equals(target));
        String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        if (!fragment.isEmpty()) {
            assertThat(js("return document.getElementById(arguments[0]) !== null", fragment)).isEqualTo(true);
        }

        open(SITE.resolve("en/index.html"));
        assertThat(search("zzxqwv")).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#search-results .none")).getText()).isEqualTo("Nothing found.");
    }

    @Test
    void lessonPagesHaveCopyButtonsAndFitAPhone() throws IOException {
        for (String lang : List.of("es", "en")) {
            // lesson 04 (server) where it exists: snippets, a warning and an exercise on one page
            List<String> all = lessons(lang);
            String lesson = all.stream().filter(u -> u.endsWith("/04-server.html")).findFirst().orElse(all.get(0));
            driver.get(lesson);
            driver.manage().window().setSize(new Dimension(1280, 900));
            emulate("light");
            assertThat(driver.findElements(By.cssSelector(".snippet button.copy"))).as(lang + " copy buttons").isNotEmpty();
            shot(lang + "-light");
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(driver.findElement(By.cssSelector(".sidebar")).isDisplayed()).as("no sidebar in print").isFalse();
            shot(lang + "-print");
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            emulate("dark");
            assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(13, 17, 23)");
            shot(lang + "-dark");
            if (!driver.findElements(By.cssSelector(".exercise")).isEmpty()) {
                js("document.querySelector('.exercise').scrollIntoView()");
                shot(lang + "-exercise-dark");
                js("window.scrollTo(0, 0)");
            }
            emulate("light");
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            driver.navigate().refresh();
            assertThat(js("return document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as(lang + ": no sideways scrolling on a phone").isEqualTo(true);
            shot(lang + "-phone");
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void emulate(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
