import Foundation
import Logging
import SkyplanAWS

/// The operator's AWS set-up, read the way every AWS SDK reads it: the default credential chain
/// (environment, shared files and profiles, web identity, container, instance metadata), `AWS_REGION`,
/// and `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>` overrides.
enum AWSEnvironment {
    static func operatorClient(logger: Logger) -> AWSClient {
        let environment = ProcessInfo.processInfo.environment
        let configuration = AWSConfiguration.fromEnvironment(environment)
        let transport = AsyncHTTPClientTransport()
        // Carries the STS calls of role profiles and web identity; they sign with their own source credentials.
        let sts = AWSClient(
            transport: transport, credentials: AnonymousCredentialProvider(), configuration: configuration,
            logger: logger)
        let chain = DefaultCredentialChain.make(environment: environment, transport: transport, stsClient: sts)
        return AWSClient(transport: transport, credentials: chain, configuration: configuration, logger: logger)
    }
}
