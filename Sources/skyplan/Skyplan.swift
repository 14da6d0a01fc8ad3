import ArgumentParser
import SkyplanServer

/// `skyplan`: the server, the scanner and the tools, in one command.
@main
struct Skyplan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skyplan",
        abstract: "Self-hosted AWS architecture diagrams with budgets and live status.",
        version: SkyplanVersion.current,
        subcommands: [
            ServeCommand.self, ScanCommand.self, LiveCommand.self, BudgetCommand.self, PolicyCommand.self,
            PricesCommand.self, OrganizationCommand.self, MigrateCommand.self, UserCommand.self, TeamCommand.self,
            APIKeyCommand.self, RenderCommand.self,
        ]
    )
}
