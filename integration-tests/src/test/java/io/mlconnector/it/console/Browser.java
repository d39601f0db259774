package io.mlconnector.it.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through Debian's {@code chromium} and {@code chromium-driver} packages.
 * The driver's path is given explicitly (MLC_CHROMEDRIVER, default {@code /usr/bin/chromedriver}),
 * so Selenium Manager never looks for or downloads one.
 */
public final class Browser implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private final ChromeDriver driver;
  private final String base;

  public Browser(String consoleUrl) {
    this.base = consoleUrl.replaceAll("/+$", "");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(setting("MLC_CHROMEDRIVER", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(setting("MLC_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
    this.driver = new ChromeDriver(service, options);
  }

  private static String setting(String env, String fallback) {
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Opens the page and signs in with the operator token. */
  public Browser signIn(String token) {
    driver.get(base + "/");
    find(By.id("token")).sendKeys(token);
    find(By.id("login")).click();
    waitUntil(By.id("tabs"));
    return this;
  }

  public void tab(String name) {
    find(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
  }

  /** Picks a tenant once the page has listed it. */
  public void pickTenant(String tenant) {
    find(By.cssSelector("#tenant-select option[value='" + tenant + "']"));
    new Select(find(By.id("tenant-select"))).selectByValue(tenant);
  }

  public WebElement find(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public WebElement waitUntil(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits for an element whose text contains the given text. */
  public WebElement waitForText(By by, String text) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    return driver.findElement(by);
  }

  /** Waits until no element matches. */
  public void waitUntilGone(By by) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  /** Accepts the confirmation a destructive action asks for. */
  public void confirm() {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows to {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) throws IOException {
    Path to = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(to.getParent());
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  /** Like {@link #screenshot}, with the window grown to the whole page first. */
  public Path screenshotWholePage(String name) throws IOException {
    Object height = driver.executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new Dimension(1400, ((Number) height).intValue() + 40));
    return screenshot(name);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
