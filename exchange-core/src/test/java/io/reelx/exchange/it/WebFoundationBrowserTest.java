package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The web workspace's foundation in a real browser (Debian's Chromium through Selenium): a visitor
 * is sent to the login form, a wrong password is refused next to the form, the operator signs in
 * and sees its home page, switches to Chinese (remembered across pages), signs out, and is sent
 * back to the login form; axe-core finds no critical or serious violation on either page.
 *
 * <p>Where browser tests live: here, in exchange-core's integration tests, against the whole
 * application on a random port (the shared {@link IntegrationTest} context), so each can set up
 * its market through the API and then drive pages.
 */
class WebFoundationBrowserTest extends IntegrationTest {

  @Test
  void the_operator_signs_in_switches_to_chinese_and_signs_out() {
    try (Browser browser = Browser.open(port, "en")) {
      browser.go("/");
      browser.waitPath("/login");
      browser.find("#login-form");
      browser.axe().screenshot("login");

      browser.type("#username", "admin").type("#password", "not-the-password").click("#sign-in");
      browser.waitText("#login-error", "Wrong username or password");
      assertThat(browser.find("#username").getAttribute("value")).as("what the user typed is kept").isEqualTo("admin");

      browser.type("#password", ADMIN_PASSWORD).click("#sign-in");
      browser.waitText("h1", "What needs my action now");
      assertThat(browser.path()).isEqualTo("/");
      assertThat(browser.driver().manage().getCookieNamed("reelx_session").isHttpOnly()).isTrue();
      browser.axe().screenshot("home-operator");

      browser.click("#lang-switch");
      browser.waitText("h1", "待我处理的事项");
      assertThat(browser.find("html").getAttribute("lang")).isEqualTo("zh-CN");
      browser.go("/");
      browser.waitText("h1", "待我处理的事项");
      browser.axe();

      browser.click("#logout");
      browser.waitPath("/login");
      browser.waitText("main", "您已退出登录");
      browser.go("/");
      browser.waitPath("/login");
    }
  }
}
