package dev.warden.domain.serviceuser;

/** ZITADEL's {@code UserFieldName} sort columns that apply to service users. */
public enum UserSort {
    ID, USER_NAME, DISPLAY_NAME, STATE, CREATION_DATE
}
