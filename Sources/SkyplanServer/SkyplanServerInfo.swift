public enum SkyplanServerInfo { public static let version = "0.1.0" }
