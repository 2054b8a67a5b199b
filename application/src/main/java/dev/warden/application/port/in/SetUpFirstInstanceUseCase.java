package dev.warden.application.port.in;

/**
 * Driving port: on the first start against an empty database, create the instance, the first
 * organization, its admin service user (IAM_OWNER and ORG_OWNER) and that user's PAT. Later
 * starts create nothing.
 */
public interface SetUpFirstInstanceUseCase {
    FirstInstanceResult setUpFirstInstance(SetUpFirstInstanceCommand command);
}
