package dev.warden.domain.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectPermissionsTest {

    /** The projects contract's §8 matrix for the roles Warden has ({@code s} = only {@code project.read:self}). */
    private static final String MATRIX = """
            | permission | IAM_OWNER | IAM_OWNER_VIEWER | IAM_ORG_MANAGER | IAM_USER_MANAGER | IAM_LOGIN_CLIENT | ORG_OWNER | ORG_USER_MANAGER | ORG_OWNER_VIEWER | ORG_USER_PERMISSION_EDITOR | ORG_PROJECT_PERMISSION_EDITOR | ORG_PROJECT_CREATOR |
            | `project.read` | Y | Y | Y | Y | Y | Y | Y | Y | Y | Y | s |
            | `project.create` | Y |  | Y |  |  | Y |  |  |  |  | Y |
            | `project.write` | Y |  | Y |  |  | Y |  |  |  |  |  |
            | `project.delete` | Y |  | Y |  |  | Y |  |  |  |  |  |
            | `project.role.read` | Y | Y | Y | Y | Y | Y | Y | Y | Y | Y |  |
            | `project.role.write` | Y |  | Y |  |  | Y |  |  |  |  |  |
            | `project.role.delete` | Y |  | Y |  |  | Y |  |  |  |  |  |
            | `project.app.read` | Y | Y | Y | Y | Y | Y |  | Y | Y | Y |  |
            | `project.app.write` | Y |  | Y |  |  | Y |  |  |  |  |  |
            | `project.app.delete` | Y |  | Y |  |  |  |  |  |  |  |  |
            | `user.grant.read` | Y | Y | Y | Y | Y | Y | Y | Y | Y | Y |  |
            | `user.grant.write` | Y |  | Y | Y | Y | Y | Y |  | Y | Y |  |
            | `user.grant.delete` | Y |  | Y | Y |  | Y | Y |  | Y | Y |  |
            """;

    @Test
    void everyCellOfTheProjectsMatrixHolds() {
        List<String> lines = MATRIX.lines().toList();
        List<String> header = cells(lines.get(0));
        List<String> mismatches = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = cells(line);
            Permission permission = new Permission(row.get(0).replace("`", ""));
            for (int column = 1; column < header.size(); column++) {
                Role role = Role.valueOf(header.get(column));
                boolean expected = row.get(column).equals("Y");
                if (RolePolicy.grants(role, permission) != expected) {
                    mismatches.add(role + " " + (expected ? "lacks " : "has ") + permission);
                }
                if (row.get(column).equals("s")) {
                    assertThat(RolePolicy.grants(role, new Permission(permission.name() + ":self"))).isTrue();
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static List<String> cells(String line) {
        String trimmed = line.strip();
        return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)).map(String::strip).toList();
    }
}
