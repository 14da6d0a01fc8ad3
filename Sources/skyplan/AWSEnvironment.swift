import Foundation
import Logging
import SkyplanAWS

/// The operator's AWS set-up, read the way every AWS SDK reads it: credentials from the default
/// chain, `AWS_REGION`, and `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>` overrides.
enum AWSEnvironment {
    static func operatorClient(logger: Logger) -> AWSClient {
        let environment = ProcessInfo.processInfo.environment
        return AWSClient(
            credentials: CredentialChain([("environment", EnvironmentCredentialProvider(environment: environment))]),
            configuration: AWSConfiguration.fromEnvironment(environment), logger: logger)
    }
}
