import SkyplanModel

/// Skyplan's own pictograms, one per component type: line drawings on a 24×24 box, stroked in white on
/// the type's category colour. Drawn for this project from plain geometric shapes (chips, cylinders,
/// rings, arrows); no shape is taken from AWS's or anyone else's icon set.
enum Pictogram {
    /// The path data of `type`'s pictogram (a plain ring for a type without one of its own).
    static func path(_ type: ComponentType) -> String { paths[type.rawValue] ?? fallback }

    static let fallback = "M12 12m-7 0a7 7 0 1 0 14 0a7 7 0 1 0 -14 0"

    static let paths: [String: String] = [
        // Compute
        "ec2":
            "M6 6h12v12H6z M9.5 9.5h5v5h-5z M9 3v3 M12 3v3 M15 3v3 M9 18v3 M12 18v3 M15 18v3 M3 9h3 M3 12h3 M3 15h3 "
            + "M18 9h3 M18 12h3 M18 15h3",
        "lambda": "M5 4h4l9 16h2 M12 10.5l-6 9.5",
        "ecscluster": "M3 4h8v7H3z M13 4h8v7h-8z M8 13h8v7H8z",
        "ecstask": "M5 5h14v14H5z M9 9h6v6H9z M5 12h4 M15 12h4",
        "ekscluster": "M12 2l9 5v10l-9 5-9-5V7z M9.5 8v8 M15 8l-5.5 4 5.5 4",
        "eksnodegroup":
            "M7 3l4 2.3v4.6L7 12 3 9.9V5.3z M17 3l4 2.3v4.6L17 12l-4-2.1V5.3z M12 12l4 2.3v4.6L12 21l-4-2.1v-4.6z",
        "asg": "M3 12h18 M3 12l3-3 M3 12l3 3 M21 12l-3-3 M21 12l-3 3 M9 5h6v4H9z M9 15h6v4H9z",
        "ecsservice": "M4 4h7v7H4z M13 4h7v7h-7z M4 13h7v7H4z M16.5 16.5m-3.5 0a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0",
        // Storage
        "ebs": "M4 7h16v10H4z M4 12h16 M15.5 9.5h2 M15.5 14.5h2",
        "s3": "M4 6a8 2.5 0 0 0 16 0a8 2.5 0 0 0 -16 0 M4 6l2 12.5a6 2 0 0 0 12 0L20 6 M7 11.5a5 1.6 0 0 0 10 0",
        "efs": "M3 6h7l2 2h9v11H3z M7 12h10 M7 15.5h10",
        // Database
        "rds": "M5 6a7 2.5 0 0 0 14 0a7 2.5 0 0 0 -14 0 M5 6v12a7 2.5 0 0 0 14 0V6 M5 12a7 2.5 0 0 0 14 0",
        "auroracluster":
            "M7 5a5 2 0 0 0 10 0a5 2 0 0 0 -10 0v14a5 2 0 0 0 10 0V5 M7 10a5 2 0 0 0 10 0 M7 15a5 2 0 0 0 10 0 "
            + "M2.5 8.5l2 1 M21.5 8.5l-2 1 M2.5 15.5l2-1 M21.5 15.5l-2-1",
        "dynamodb": "M4 6a8 2.5 0 0 0 16 0a8 2.5 0 0 0 -16 0v12a8 2.5 0 0 0 16 0V6 M13.5 9l-3 4h4l-3 4.5",
        "elasticache": "M3 8l9-4 9 4-9 4z M3 12l9 4 9-4 M3 16l9 4 9-4",
        // Application integration
        "sqs": "M2 8h5v8H2z M9.5 8h5v8h-5z M17 8h5v8h-5z M4.5 4.5h15 M17 2.5l2.5 2-2.5 2",
        "sns":
            "M12 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0 M7.5 7.5a6.4 6.4 0 0 0 0 9 M16.5 7.5a6.4 6.4 0 0 1 0 9 "
            + "M4.5 4.5a10.6 10.6 0 0 0 0 15 M19.5 4.5a10.6 10.6 0 0 1 0 15",
        // Networking and content delivery
        "elb": "M2.5 12h4 M10 12l5-6h5 M10 12h10 M10 12l5 6h5 M8 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0",
        "targetgroup":
            "M12 12m-8 0a8 8 0 1 0 16 0a8 8 0 1 0 -16 0 M12 12m-4 0a4 4 0 1 0 8 0a4 4 0 1 0 -8 0 M12 2v4 M12 18v4",
        "cloudfront": "M12 3a9 9 0 1 0 0.01 0z M3 12h18 M12 3c-4 4-4 14 0 18 M12 3c4 4 4 14 0 18 M5 7.5h14 M5 16.5h14",
        "r53": "M12 2v20 M12 4.5h7l2.5 2.5-2.5 2.5h-7 M12 12H5l-2.5 2.5L5 17h7 M8 22h8",
        "apigateway": "M8 5l-5 7 5 7 M16 5l5 7-5 7 M9 12h.5 M12 12h.5 M15 12h.5",
        "natgateway": "M4 4h16v16H4z M7 12h9 M13 8.5l3.5 3.5-3.5 3.5",
        "internetgateway": "M3.5 20V9l8.5-5 8.5 5v11 M9 20v-6h6v6 M12 4v-2",
        "egressonlyinternetgateway": "M3.5 20V9l8.5-5 8.5 5v11 M7.5 15h9 M13.5 12l3 3-3 3",
        "vpcendpoint": "M9 3v5 M15 3v5 M6 8h12v3.5a6 6 0 0 1 -12 0z M12 17.5V21",
        "vpcpeering":
            "M9 12m-5.5 0a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0 -11 0 M15 12m-5.5 0a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0 -11 0",
        "transitgateway":
            "M12 12m-3 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0 M12 3v6 M12 15v6 M3 12h6 M15 12h6 M5.5 5.5l4.4 4.4 "
            + "M18.5 18.5l-4.4-4.4 M18.5 5.5l-4.4 4.4 M5.5 18.5l4.4-4.4",
        "transitgatewayattachment":
            "M10 14l4-4 M9 11l-2.5 2.5a3.2 3.2 0 0 0 4.5 4.5L13.5 15.5 M15 13l2.5-2.5a3.2 3.2 0 0 0 -4.5-4.5L10.5 8.5",
        "vpngateway": "M6 11h12v9H6z M9 11V8a3 3 0 0 1 6 0v3 M12 14.5v2.5 M3 20h18",
        "customergateway": "M5 21V4h9v17 M14 9h5v12 M8 7.5h3 M8 11.5h3 M8 15.5h3 M3 21h18",
        "vpnconnection": "M2 12h5 M17 12h5 M7 10h10v6H7z M10 10V8a2 2 0 0 1 4 0v2",
        "eni": "M3 6h18v10H3z M7 16v3 M12 16v3 M17 16v3 M6.5 9h5v4h-5z M14.5 9h3",
        "routetable": "M4 5h16v14H4z M4 10h16 M4 14.5h16 M10 5v14",
        // Containers (group outlines and the icon sheet)
        "region": "M5 21V3 M5 4h12l-2.5 4L17 12H5",
        "vpc": "M7 18h10a4 4 0 0 0 0.5-8 6 6 0 0 0 -11.3-1.2A4.6 4.6 0 0 0 7 18z",
        "zone": "M4 4h4 M10 4h4 M16 4h4v4 M20 10v4 M20 16v4h-4 M14 20h-4 M8 20H4v-4 M4 14v-4 M4 8V4",
        "subnet": "M4 4h16v16H4z M4 12h16 M12 4v16",
        "sg": "M12 3l8 3v6c0 5-3.6 8.2-8 9.5C7.6 20.2 4 17 4 12V6z M9 12l2 2 4-4",
        // Management
        "cloudwatchalarm": "M6 17v-6a6 6 0 0 1 12 0v6l2 2H4z M10 21.5h4 M12 2.5v2",
        // Analytics (issue #14): a columnar warehouse, a lens over an index, flowing records, a funnel of them
        "redshift": "M4 6a8 2.5 0 0 0 16 0a8 2.5 0 0 0 -16 0v12a8 2.5 0 0 0 16 0V6 M8 10.5v8 M12 11v8.5 M16 10.5v8",
        "es": "M3.5 10a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0 M14.8 14.8l5.7 5.7 M7 8.5h6 M7 11.5h4",
        "kinesisstream": "M2.5 7c3-2.5 6.5 2.5 9.5 0s6.5 2.5 9.5 0 M2.5 12c3-2.5 6.5 2.5 9.5 0s6.5 2.5 9.5 0 "
            + "M2.5 17c3-2.5 6.5 2.5 9.5 0s6.5 2.5 9.5 0",
        "kinesisfirehose": "M3 4h18l-7 8.5V19l-4 2v-8.5z M6.5 7.5c2-1.3 3.7 1.3 5.5 0s3.5 1.3 5.5 0",
        // Document and graph databases: a cylinder holding a page; three linked nodes
        "docdb": "M5 6a7 2.5 0 0 0 14 0a7 2.5 0 0 0 -14 0v12a7 2.5 0 0 0 14 0V6 M9 10.5h4.5l1.5 1.5v5H9z",
        "neptune":
            "M6 6.5m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0 M18 9m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0 "
            + "M9 18m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0 M8.4 7.3l7.2 1 M7 8.9l1.4 6.7 M16.2 10.8l-5.4 5.6",
        // Container images: an image (a cube) on the registry's shelf
        "ecr": "M5 7.5l7-3.5 7 3.5v7l-7 3.5-7-3.5z M5 7.5l7 3.5 7-3.5 M12 11v7 M3 21h18",
        // Identity: a person beside a padlock
        "cognito":
            "M9 8m-3 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0 M3 20c0-3.5 2.7-6 6-6s6 2.5 6 6 M15.5 12h6v6.5h-6z "
            + "M16.8 12v-1.6a1.7 1.7 0 0 1 3.4 0V12",
        // Protection: a shield with a firewall's courses of bricks
        "waf":
            "M12 2.5l8 3v6c0 5-3.4 8.6-8 10-4.6-1.4-8-5-8-10v-6z M4.5 9.5h15 M5 14h14 M12 9.5V14 M8.5 14v4.5 M15.5 14v4.5",
        // Email: an envelope with an outgoing arrow
        "ses": "M2.5 6.5h14v10h-14z M2.5 6.5l7 5.5 7-5.5 M15 19.5h6.5 M19 17l2.5 2.5L19 22",
        // Brokers: a Kafka-like log of partitions; a message broker passing envelopes
        "msk": "M4 5h16v4H4z M4 10h16v4H4z M4 15h16v4H4z M8 5v4 M12 10v4 M16 15v4 M11 5v4 M15 10v4",
        "mq": "M3 7h8v6H3z M3 7l4 3.5L11 7 M13 11h8v6h-8z M13 11l4 3.5 4-3.5 M11 10h2 M7 13v4h6",
        // Orchestration: a flow of steps that branches; a bus carrying events to several stops
        "sfn": "M9 2.5h6v4H9z M3 17.5h6v4H3z M15 17.5h6v4h-6z M12 6.5v5 M6 17.5v-3h12v3 M12 11.5v3",
        "eventbus": "M2.5 9.5h19v5h-19z M6 14.5v4 M12 14.5v4 M18 14.5v4 M6 9.5v-4 M4 7.5l2-2 2 2 M16 6h4",
        // Public addresses: a tag
        "eip": "M2.5 12l6.5-7h12.5v14H9z M15 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0",
    ]
}
