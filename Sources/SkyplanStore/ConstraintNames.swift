/// Words for the unique constraints, so a conflict reads "a user with this email already exists"
/// whichever engine reported it (SQLite names `table.column`, PostgreSQL the constraint `table_column_key`).
enum ConstraintNames {
    private static let names: [(token: String, words: String)] = [
        ("email_key", "a user with this email"),
        ("users.external_id", "a user with this external ID"),
        ("users_external_id", "a user with this external ID"),
        ("key_hash", "an API key with this hash"),
        ("sessions", "a session with this token"),
        ("memberships", "this membership"),
        ("blueprint_versions", "a blueprint version with this id or number"),
        ("blueprints", "a blueprint with this id"),
        ("aws_accounts", "an AWS account with this id"),
        ("snapshot_jobs", "a snapshot job with this key"),
        ("audit_events", "an audit event with this id"),
        ("teams", "a team with this id"),
        ("users", "a user with this id"),
    ]

    /// What already exists, judged from the driver's message; "a record with this id" when unknown.
    static func describe(_ message: String) -> String {
        names.first { message.contains($0.token) }?.words ?? "a record with this id"
    }
}
