package dev.warden.domain.project;

/** ZITADEL's {@code PrivateLabelingSetting}, in wire order (login-UI branding only; stored, not used). */
public enum PrivateLabelingSetting {
    UNSPECIFIED, ENFORCE_PROJECT_RESOURCE_OWNER_POLICY, ALLOW_LOGIN_USER_RESOURCE_OWNER_POLICY
}
