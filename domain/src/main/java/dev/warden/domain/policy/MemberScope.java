package dev.warden.domain.policy;

/** What a membership is on: one organization, or the whole instance. */
public enum MemberScope {
    ORG, IAM
}
