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
