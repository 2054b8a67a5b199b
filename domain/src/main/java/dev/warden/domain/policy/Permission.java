package dev.warden.domain.policy;

/** A permission string such as {@code org.read}, as ZITADEL's methods declare them. */
public record Permission(String name) {

    public static final Permission ORG_READ = new Permission("org.read");
    public static final Permission ORG_CREATE = new Permission("org.create");
    public static final Permission ORG_WRITE = new Permission("org.write");
    public static final Permission ORG_DELETE = new Permission("org.delete");
    public static final Permission ORG_MEMBER_READ = new Permission("org.member.read");
    public static final Permission ORG_MEMBER_WRITE = new Permission("org.member.write");
    public static final Permission ORG_MEMBER_DELETE = new Permission("org.member.delete");
    public static final Permission USER_READ = new Permission("user.read");
    public static final Permission USER_WRITE = new Permission("user.write");
    public static final Permission USER_DELETE = new Permission("user.delete");
    public static final Permission IAM_READ = new Permission("iam.read");
    public static final Permission IAM_WRITE = new Permission("iam.write");
    public static final Permission IAM_MEMBER_READ = new Permission("iam.member.read");
    public static final Permission IAM_MEMBER_WRITE = new Permission("iam.member.write");
    public static final Permission IAM_MEMBER_DELETE = new Permission("iam.member.delete");
    public static final Permission EVENTS_READ = new Permission("events.read");
    public static final Permission PROJECT_READ = new Permission("project.read");
    public static final Permission PROJECT_CREATE = new Permission("project.create");
    public static final Permission PROJECT_WRITE = new Permission("project.write");
    public static final Permission PROJECT_DELETE = new Permission("project.delete");
    public static final Permission PROJECT_ROLE_READ = new Permission("project.role.read");
    public static final Permission PROJECT_ROLE_WRITE = new Permission("project.role.write");
    public static final Permission PROJECT_ROLE_DELETE = new Permission("project.role.delete");
    public static final Permission PROJECT_APP_READ = new Permission("project.app.read");
    public static final Permission PROJECT_APP_WRITE = new Permission("project.app.write");
    public static final Permission PROJECT_APP_DELETE = new Permission("project.app.delete");
    public static final Permission USER_GRANT_READ = new Permission("user.grant.read");
    public static final Permission USER_GRANT_WRITE = new Permission("user.grant.write");
    public static final Permission USER_GRANT_DELETE = new Permission("user.grant.delete");

    public Permission {
        if (name == null || !name.matches("[a-z_]+(\\.[a-z_]+)*(:self)?")) {
            throw new IllegalArgumentException("not a permission name: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
