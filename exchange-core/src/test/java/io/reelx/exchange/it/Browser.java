package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser for the browser tests: Debian's Chromium, headless, driven by Debian's chromedriver
 * through Selenium, each with a fresh profile (so two browsers are two users, with their own
 * cookies). When Chromium or its driver is missing and the tests run as root (as CI does), they
 * are installed from Debian's packages first, so {@code ./mvnw -B verify} alone works on a fresh
 * machine. Every wait is for a state ({@link WebDriverWait}, generous bounds), never a sleep.
 *
 * <p>{@link #axe} runs axe-core (from its WebJar) in the page and fails on critical or serious
 * violations; {@link #screenshot} saves a PNG under {@code docs/screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(30);
  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  private Browser(ChromeDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /** A new headless browser at {@code http://localhost:port}, asking for {@code language} (en or zh-CN). */
  static Browser open(int port, String language) {
    ensureInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("reelx-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Browser(driver, profile, "http://localhost:" + port);
  }

  ChromeDriver driver() {
    return driver;
  }

  Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  WebElement find(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement find(String css) {
    return find(By.cssSelector(css));
  }

  /** Waits until the element's text contains {@code text}. */
  Browser waitText(String css, String text) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    return this;
  }

  Browser waitPath(String prefix) {
    new WebDriverWait(driver, WAIT).until(d -> path().startsWith(prefix));
    return this;
  }

  Browser type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  Browser click(String css) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    return this;
  }

  Browser signIn(String username, String password) {
    go("/login");
    type("#username", username);
    type("#password", password);
    click("#sign-in");
    return this;
  }

  /** The value of a cookie of this browser, or null. */
  String cookie(String name) {
    org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
    return cookie == null ? null : cookie.getValue();
  }

  /** Runs axe-core on the page; fails on any critical or serious violation (described). */
  @SuppressWarnings("unchecked")
  Browser axe() {
    JavascriptExecutor js = driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(axeSource());
    }
    Object result = js.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
            + "  done(r.violations.filter(function (v) { return v.impact === 'critical' || v.impact === 'serious'; })"
            + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
            + "      + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
            + "}).catch(function (e) { done(['axe failed: ' + e]); });");
    assertThat((List<String>) result).as("axe-core violations on " + path()).isEmpty();
    return this;
  }

  /** Saves the page as {@code docs/screenshots/<name>.png} in the repository. */
  Browser screenshot(String name) {
    Path target = repositoryRoot().resolve("docs/screenshots/" + name + ".png");
    try {
      Files.createDirectories(target.getParent());
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Browser resize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    return this;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
      assertThat(in).as(AXE + " on the test class path (org.webjars.npm:axe-core)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("").toAbsolutePath() : dir;
  }

  /**
   * Installs Debian's chromium and chromium-driver when either is missing: as root only (CI and a
   * fresh machine run as root); anyone else is told what to install.
   */
  static synchronized void ensureInstalled() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      chineseFont();
      return;
    }
    assertThat(System.getProperty("user.name"))
        .as("the browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver")
        .isEqualTo("root");
    run(List.of("apt-get", "update", "-qq"));
    run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"));
    assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
        .as("chromium and chromedriver installed").isTrue();
    chineseFont();
  }

  private static boolean fontTried;

  /**
   * A font with Chinese glyphs, so that screenshots of Chinese pages are readable; best effort
   * (the tests read text, not pixels), as root only.
   */
  private static void chineseFont() {
    if (fontTried || Files.isDirectory(Path.of("/usr/share/fonts/truetype/wqy"))
        || Files.isDirectory(Path.of("/usr/share/fonts/opentype/noto")) || !"root".equals(System.getProperty("user.name"))) {
      return;
    }
    fontTried = true;
    try {
      ProcessBuilder builder = new ProcessBuilder("apt-get", "install", "-y", "-qq", "--no-install-recommends",
          "fonts-wqy-microhei").inheritIO();
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      builder.start().waitFor(10, TimeUnit.MINUTES);
    } catch (IOException e) {
      // screenshots of Chinese pages show boxes; the tests do not depend on it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run(List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      assertThat(process.waitFor(20, TimeUnit.MINUTES)).as(command + " finished").isTrue();
      assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
