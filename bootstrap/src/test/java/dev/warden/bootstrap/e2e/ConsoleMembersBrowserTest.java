package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's Members page and the organization switch in headless Chromium against a real
 * node on MariaDB: what is clicked in the browser is proven over plain HTTP with the tokens of the
 * users concerned.
 */
class ConsoleMembersBrowserTest extends ConsoleBrowserTests {

    private static final String ORG_ME = "/management/v1/orgs/me";
    private static final String MEMBER_SEARCH = "/management/v1/orgs/me/members/_search";
    private static final String XSS = "<img src=x onerror=alert(1)>";


    @Test
    void aMemberAddedInTheConsoleGetsItsRolesThenTheChangedOnesAndNoneAfterRemoval() throws Exception {
        String userId = machineUser("member-robot", "Member Robot");
        machineUser("member-robot-2", XSS);
        String pat = api.post("/management/v1/users/" + userId + "/pats", admin, "{}").text("/token");
        assertThat(api.get(ORG_ME, pat).status()).as("no membership yet").isEqualTo(404);

        console.signedInAt("#/members");
        console.visible(By.cssSelector("#members table"));
        assertThat(browser.findElement(By.id("acting-org")).getText()).isEqualTo("Organization: Warden");
        console.screenshot("members");

        // Nothing chosen: said in words next to the form.
        browser.findElement(By.id("add-member-button")).click();
        assertThat(console.visible(By.cssSelector("#add-member-status .error")).getText()).startsWith("Choose a user first");

        // Search and choose with the keyboard only: type, Enter, Tab to the results, Space.
        WebElement search = browser.findElement(By.id("member-search"));
        search.sendKeys("MEMBER-rob", Keys.ENTER);
        console.visible(By.id("candidate-" + userId));
        assertThat(browser.findElements(By.cssSelector("input[name=member-user]"))).hasSize(2);
        assertThat(browser.findElement(By.id("candidate-list")).getText()).contains(XSS);
        assertThat(browser.findElements(By.tagName("img"))).as("API text is never HTML").isEmpty();
        search.sendKeys(Keys.TAB);
        assertThat(activeId()).isEqualTo("member-search-button");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(activeId()).isEqualTo("candidate-" + userId);
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertThat(browser.findElement(By.id("candidate-" + userId)).isSelected()).isTrue();
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(activeId()).isEqualTo("add-role-ORG_OWNER");

        // No role: said in words; then ORG_OWNER with Space and added with Enter.
        browser.findElement(By.id("add-member-button")).sendKeys(Keys.ENTER);
        assertThat(console.visible(By.cssSelector("#add-member-status .error")).getText())
                .isEqualTo("Choose at least one role for the new member.");
        browser.findElement(By.id("add-role-ORG_OWNER")).sendKeys(Keys.SPACE);
        console.screenshot("add-member");
        browser.findElement(By.id("add-member-button")).sendKeys(Keys.ENTER);
        assertThat(console.visible(By.id("add-member-done")).getText())
                .isEqualTo("member-robot is now a member with ORG_OWNER.");
        By row = By.cssSelector("tr[data-member-id='" + userId + "']");
        console.visible(row);
        assertThat(browser.findElement(row).findElement(By.className("member-display-name")).getText())
                .isEqualTo("Member Robot");
        assertThat(browser.findElement(row).findElement(By.className("member-roles")).getText()).isEqualTo("ORG_OWNER");
        Api.Reply asMember = api.get(ORG_ME, pat);
        assertThat(asMember.status()).isEqualTo(200);
        assertThat(asMember.text("/org/name")).isEqualTo("Warden");
        assertThat(api.post(MEMBER_SEARCH, pat, "{}").status()).isEqualTo(200);

        // Twice: refused in words next to the form; nothing changes.
        browser.findElement(By.id("add-role-ORG_OWNER_VIEWER")).click();
        browser.findElement(By.id("add-member-button")).click();
        assertThat(console.visible(By.cssSelector("#add-member-status .error")).getText())
                .isEqualTo("member-robot is already a member: change its roles in the list above.");
        assertThat(browser.findElement(row).findElement(By.className("member-roles")).getText()).isEqualTo("ORG_OWNER");

        // Change: no role is refused in the dialog; ORG_USER_MANAGER may read the org, not its members.
        browser.findElement(row).findElement(By.className("change-roles")).click();
        WebElement owner = console.visible(By.id("edit-role-ORG_OWNER"));
        assertThat(owner.isSelected()).isTrue();
        owner.click();
        browser.findElement(By.id("save-member-roles")).click();
        assertThat(console.visible(By.cssSelector("#member-roles-status .error")).getText())
                .startsWith("Choose at least one role");
        browser.findElement(By.id("edit-role-ORG_USER_MANAGER")).click();
        console.screenshot("member-roles");
        browser.findElement(By.id("save-member-roles")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("member-roles-dialog")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-member-id='" + userId + "'] .member-roles"),
                "ORG_USER_MANAGER"));
        assertThat(api.get(ORG_ME, pat).status()).isEqualTo(200);
        assertThat(api.post(MEMBER_SEARCH, pat, "{}").status()).isEqualTo(403);

        // Remove, after a confirmation naming the member: its PAT no longer reaches the org.
        browser.findElement(row).findElement(By.className("remove-member")).click();
        assertThat(console.visible(By.id("confirm-question")).getText()).contains("member-robot").contains("Warden");
        console.screenshot("remove-member");
        browser.findElement(By.id("confirm-yes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(api.get(ORG_ME, pat).status()).isEqualTo(404);
        assertThat(api.post(MEMBER_SEARCH, admin, "{}").text()).doesNotContain(userId);

        // A narrow window: the page does not scroll sideways.
        browser.manage().window().setSize(new Dimension(400, 800));
        try {
            console.visible(By.cssSelector("#members table"));
            assertThat(console.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .isEqualTo(true);
        } finally {
            browser.manage().window().setSize(new Dimension(1100, 800));
        }
    }

    @Test
    void anIamOwnerSwitchesToAnotherOrganizationWorksThereAndSwitchesBack() throws Exception {
        String homeId = api.get(ORG_ME, admin).text("/org/id");
        Api.Reply second = api.post("/management/v1/orgs", admin, "{\"name\":\"Second Org\"}");
        assertThat(second.status()).isEqualTo(200);
        String secondId = second.text("/id");

        console.signedInAt("#/org");
        WebElement choice = console.visible(By.id("switch-org"));
        assertThat(browser.findElement(By.id("acting-org")).getText()).isEqualTo("Organization: Warden");
        choice.sendKeys("Second");  // a <select> chosen by typing, as with the keyboard
        assertThat(new Select(choice).getFirstSelectedOption().getAttribute("value")).isEqualTo(secondId);
        browser.findElement(By.id("switch-org-button")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("org-id"), secondId));
        wait.until(ExpectedConditions.textToBe(By.id("acting-org"), "Organization: Second Org (switched)"));
        assertThat((String) console.js("return sessionStorage.getItem('warden.console.org')")).contains(secondId);
        console.screenshot("switch-organization");

        // Every management call now names the second org: a user created in the console lands there.
        browser.findElement(By.id("nav-users")).click();
        console.visible(By.id("users-empty"));
        browser.findElement(By.id("new-user")).click();
        console.visible(By.id("user-name")).sendKeys("second-org-robot");
        browser.findElement(By.id("display-name")).sendKeys("Second Org Robot", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("detail-user-name"), "second-org-robot"));
        assertThat(browser.findElement(By.id("acting-org")).getText()).isEqualTo("Organization: Second Org (switched)");
        String userId = browser.getCurrentUrl().replaceAll(".*#/users/([^/]+)/pats$", "$1");
        Api.Reply there = api.call("GET", "/management/v1/users/" + userId, admin, null,
                Map.of("x-zitadel-orgid", secondId));
        assertThat(there.status()).isEqualTo(200);
        assertThat(there.text("/user/details/resourceOwner")).isEqualTo(secondId);
        assertThat(api.get("/management/v1/users/" + userId, admin).status()).as("not in the home org").isEqualTo(404);

        // Switch back: the header says so, and the home org's list does not hold the new user.
        browser.findElement(By.id("nav-org")).click();
        console.visible(By.id("switch-back")).click();
        wait.until(ExpectedConditions.textToBe(By.id("org-id"), homeId));
        wait.until(ExpectedConditions.textToBe(By.id("acting-org"), "Organization: Warden"));
        assertThat(browser.findElements(By.id("switch-back"))).isEmpty();
        browser.findElement(By.id("nav-users")).click();
        console.visible(By.id("user-search")).sendKeys("second-org-robot", Keys.ENTER);
        console.visible(By.id("users-empty"));

        // A new organization made in the console is switched to at once; a taken name is refused.
        browser.findElement(By.id("nav-org")).click();
        console.visible(By.id("new-org-name")).sendKeys("Third Org", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("acting-org"), "Organization: Third Org (switched)"));
        Api.Reply third = api.post("/admin/v1/orgs/_search", admin,
                "{\"queries\":[{\"nameQuery\":{\"name\":\"Third Org\",\"method\":\"TEXT_QUERY_METHOD_EQUALS\"}}]}");
        assertThat(third.at("/result")).hasSize(1);
        wait.until(ExpectedConditions.textToBe(By.id("org-id"), third.text("/result/0/id")));
        console.visible(By.id("new-org-name")).sendKeys("Second Org", Keys.ENTER);
        assertThat(console.visible(By.cssSelector("#new-org-status .error")).getText()).startsWith("That already exists");
        assertThat(browser.findElement(By.id("acting-org")).getText()).isEqualTo("Organization: Third Org (switched)");

        // Signing out forgets the chosen org with the token.
        browser.findElement(By.id("sign-out")).click();
        console.visible(By.id("pat"));
        assertThat(console.js("return sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.findElement(By.id("acting-org")).isDisplayed()).isFalse();
    }

    @Test
    void anOrgOwnerWithoutIamOwnerSeesNoSwitch() throws Exception {
        String userId = machineUser("owner-only-robot", "Owner Only");
        assertThat(api.post("/management/v1/orgs/me/members", admin,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"ORG_OWNER\"]}").status()).isEqualTo(200);
        String pat = api.post("/management/v1/users/" + userId + "/pats", admin, "{}").text("/token");
        assertThat(api.post("/admin/v1/orgs/_search", pat, "{}").status()).as("the API's answer").isEqualTo(403);

        console.signedOut();
        browser.get(console.base + "/ui/");
        console.visible(By.id("pat")).sendKeys(pat, Keys.ENTER);
        console.visible(By.id("org-id"));
        assertThat(browser.findElements(By.id("switch-org"))).isEmpty();
        assertThat(browser.findElement(By.id("org-switcher")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("acting-org")).getText()).isEqualTo("Organization: Warden");
        browser.findElement(By.id("nav-members")).click();
        console.visible(By.cssSelector("tr[data-member-id='" + userId + "']"));
    }

    private String machineUser(String userName, String name) {
        Api.Reply created = api.post("/management/v1/users/machine", admin,
                "{\"userName\":\"" + userName + "\",\"name\":\"" + name + "\"}");
        assertThat(created.status()).isEqualTo(200);
        return created.text("/userId");
    }

    private String activeId() {
        return browser.switchTo().activeElement().getAttribute("id");
    }
}
