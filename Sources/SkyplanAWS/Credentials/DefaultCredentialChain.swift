import Foundation

/// The credential chain every AWS SDK uses, in its order, cached and refreshed before expiry.
public enum DefaultCredentialChain {
    /// Environment variables; the shared files' profile (`AWS_PROFILE`, else `default`); web identity;
    /// container credentials; instance metadata (unless `AWS_EC2_METADATA_DISABLED=true`).
    /// `stsClient` carries STS calls (role profiles, web identity).
    public static func make(
        environment: [String: String], files: SharedConfigFiles? = nil, transport: any HTTPTransport,
        stsClient: AWSClient, now: @escaping @Sendable () -> Date = { Date() }
    ) -> CachedCredentialProvider {
        let files = files ?? SharedConfigFiles.load(environment: environment)
        var providers: [(String, any CredentialProvider)] = [
            ("environment", EnvironmentCredentialProvider(environment: environment))
        ]
        let profile = environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"] ?? "default"
        providers.append(
            ("profile \(profile)", ProfileCredentialProvider(profile: profile, files: files, stsClient: stsClient)))
        if let role = environment["AWS_ROLE_ARN"], let tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"] {
            let session = environment["AWS_ROLE_SESSION_NAME"] ?? "skyplan"
            providers.append(
                (
                    "web identity",
                    WebIdentityCredentialProvider(
                        roleARN: role, tokenFile: tokenFile, sessionName: session,
                        stsClient: stsClient)
                ))
        }
        if environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] != nil
            || environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] != nil
        {
            providers.append(("container", ContainerCredentialProvider(environment: environment, transport: transport)))
        }
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() != "true" {
            providers.append(
                (
                    "instance metadata",
                    InstanceMetadataCredentialProvider(environment: environment, transport: transport)
                ))
        }
        return CachedCredentialProvider(CredentialChain(providers), now: now)
    }
}
