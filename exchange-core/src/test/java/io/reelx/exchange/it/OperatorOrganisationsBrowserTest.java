package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator creates an organisation and a user with a role from the organisations page (the
 * identity service the API's {@code POST /organizations} and {@code /users} use): a refused form
 * shows each problem next to its field with the API's code, keeps what was typed (not the
 * password) and creates nothing; then the user is disabled (its sign-in refused) and enabled again.
 */
class OperatorOrganisationsBrowserTest extends IntegrationTest {

  @Test
  void the_operator_creates_an_organisation_and_a_user_then_disables_and_enables_it() {
    long n = System.nanoTime() % 1_000_000;
    String orgName = "Papaya Media " + n;
    String username = "papaya-" + n;
    String password = "papaya-password-1";
    Http admin = Http.basic(port, "admin", ADMIN_PASSWORD);
    int orgsBefore = admin.get("/api/v1/organizations").json().size();

    try (Browser operator = Browser.open(port, "en")) {
      operator.signIn("admin", ADMIN_PASSWORD).waitText("h1", "What needs my action now");
      operator.go("/operator/organisations").waitText("h1", "Organisations and users");
      operator.axe();

      // refused: no kind, a country that is no ISO code; nothing created, what was typed kept
      operator.type("#org-name", orgName).type("#org-country", "China").click("#create-org");
      operator.waitText("[id='err-kind']", "is required");
      operator.waitText("[id='err-country']", "ISO 3166-1");
      assertThat(operator.find("#err-country").getText()).contains("invalid-value");
      assertThat(operator.find("#org-name").getAttribute("value")).isEqualTo(orgName);
      assertThat(operator.find("#org-country").getAttribute("value")).isEqualTo("China");
      assertThat(operator.find("#org-country").getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(admin.get("/api/v1/organizations").json().size()).as("nothing created").isEqualTo(orgsBefore);
      operator.axe();

      new Select(operator.find("#org-kind")).selectByValue("PLATFORM");
      operator.type("#org-country", "CN").click("#create-org");
      operator.find("#done");
      operator.waitText("#organisations", orgName);
      String orgId = operator.find("#organisations").findElements(By.cssSelector("tbody tr")).stream()
          .filter(row -> row.getText().contains(orgName)).findFirst().orElseThrow()
          .findElement(By.tagName("code")).getText();

      // the same name again: refused next to the name
      operator.type("#org-name", orgName);
      new Select(operator.find("#org-kind")).selectByValue("PLATFORM");
      operator.click("#create-org");
      operator.waitText("[id='err-name']", "state-conflict");

      // a user: a bad username, a short password, a role the organisation's kind may not hold
      new Select(operator.find("#user-organization")).selectByValue(orgId);
      operator.type("#user-username", "Not Valid!").type("#user-display-name", "Pat <b>Papaya</b>")
          .type("#user-password", "short");
      operator.click("#user-roles input[value=FINANCE]");
      operator.click("#create-user");
      operator.waitText("[id='err-username']", "invalid-value");
      operator.waitText("[id='err-password']", "at least 12 characters");
      assertThat(operator.find("#user-display-name").getAttribute("value")).isEqualTo("Pat <b>Papaya</b>");
      assertThat(operator.find("#user-password").getAttribute("value")).as("a password is never sent back").isEmpty();
      assertThat(operator.find("#user-roles input[value=FINANCE]").isSelected()).isTrue();
      assertThat(Http.basic(port, username, password).get("/api/v1/me").status()).isEqualTo(401);

      operator.type("#user-username", username).type("#user-password", password).click("#create-user");
      operator.waitText("[id='err-roles']", "role-not-allowed");
      operator.axe();
      assertThat(admin.get("/api/v1/users?organizationId=" + orgId).body()).doesNotContain(username);

      operator.click("#user-roles input[value=FINANCE]").click("#user-roles input[value=PLATFORM]");
      operator.type("#user-password", password).click("#create-user");
      operator.find("#done");
      WebElement row = userRow(operator, username);
      assertThat(row.getText()).contains("PLATFORM", "enabled");
      assertThat(Http.basic(port, username, password).get("/api/v1/me").get("organizationId")).isEqualTo(orgId);
      operator.screenshot("operator-organisations");

      // disable: the user can no longer sign in; enable: it can again
      row.findElement(By.cssSelector("button")).click();
      waitState(operator, username, "disabled");
      assertThat(Http.basic(port, username, password).get("/api/v1/me").status()).isEqualTo(401);
      userRow(operator, username).findElement(By.cssSelector("button")).click();
      waitState(operator, username, "enabled");
      assertThat(Http.basic(port, username, password).get("/api/v1/me").status()).isEqualTo(200);

      // in Chinese, the form speaks Chinese
      operator.go("/operator/organisations?lang=zh-CN").waitText("#new-org-title", "新建机构");
      operator.axe();
    }
  }

  private static void waitState(Browser browser, String username, String state) {
    new WebDriverWait(browser.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class)
        .until(d -> userRow(browser, username).findElement(By.cssSelector("td:nth-of-type(2)")).getText().equals(state));
  }

  private static WebElement userRow(Browser browser, String username) {
    return browser.find("#users").findElements(By.cssSelector("tbody tr")).stream()
        .filter(row -> row.findElement(By.cssSelector("th")).getText().equals(username)).findFirst().orElseThrow();
  }
}
