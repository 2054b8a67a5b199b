package dev.warden.domain.project;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void namesHaveOneTo200CharactersAndOnlyTheEmptyOneIsRefused() {
        assertThat(new ProjectSettings(" ", false, false, false, PrivateLabelingSetting.UNSPECIFIED).name())
                .isEqualTo(" ");
        assertThat(new ProjectSettings("😀".repeat(200), false, false, false, PrivateLabelingSetting.UNSPECIFIED)
                .name()).hasSize(400);
        assertThatThrownBy(() -> new ProjectSettings("", false, false, false, PrivateLabelingSetting.UNSPECIFIED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProjectSettings("x".repeat(201), false, false, false,
                PrivateLabelingSetting.UNSPECIFIED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewProjectIsActiveAndEveryChangeCountsOnce() {
        Project project = Project.create(1, 2, new ProjectSettings("a", true, false, false,
                PrivateLabelingSetting.UNSPECIFIED), NOW);
        assertThat(project.isActive()).isTrue();
        Project changed = project.withState(ProjectState.INACTIVE, NOW.plusSeconds(1))
                .withSettings(new ProjectSettings("b", false, false, false, PrivateLabelingSetting.UNSPECIFIED), NOW);
        assertThat(changed.sequence()).isEqualTo(3);
        assertThat(changed.isActive()).isFalse();
        assertThat(changed.createdAt()).isEqualTo(NOW);
    }

    @Test
    void rolesNeedAKeyAndADisplayName() {
        ProjectRole role = ProjectRole.create(1, 2, "a/b", "A", null, NOW);
        assertThat(role.group()).isEmpty();
        assertThat(role.withDisplay("B", "g", NOW).sequence()).isEqualTo(2);
        assertThatThrownBy(() -> ProjectRole.create(1, 2, "", "A", "", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProjectRole.create(1, 2, "a", "", "", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProjectRole.create(1, 2, "a", "A", "g".repeat(201), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
