import Foundation

/// The documents a customer needs to create Skyplan's role: trust policy, CloudFormation template,
/// StackSet commands. Pure text, deterministic.
public enum PolicyDocuments {
    /// Trusts Skyplan's account, only with the user's external ID (API.md).
    public static func trust(accountID: String, externalID: String) -> String {
        json([
            "Version": "2012-10-17",
            "Statement": [
                [
                    "Effect": "Allow", "Principal": ["AWS": "arn:aws:iam::\(accountID):root"],
                    "Action": "sts:AssumeRole",
                    "Condition": ["StringEquals": ["sts:ExternalId": externalID]],
                ]
            ],
        ])
    }

    /// A template creating the role; with `policy` nil it attaches AWS's ReadOnlyAccess.
    public static func cloudFormation(accountID: String, externalID: String, roleName: String, policy: String?)
        -> String
    {
        var properties: [String: Any] = [
            "RoleName": roleName,
            "AssumeRolePolicyDocument":
                (try? JSONSerialization.jsonObject(
                    with: Data(trust(accountID: accountID, externalID: externalID).utf8))) ?? [:],
            "Description": "Read-only access for Skyplan (architecture diagrams)",
        ]
        if let policy, let document = try? JSONSerialization.jsonObject(with: Data(policy.utf8)) {
            properties["Policies"] = [["PolicyName": "skyplan-read-only", "PolicyDocument": document]]
        } else {
            properties["ManagedPolicyArns"] = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
        }
        return json([
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": "The IAM role Skyplan assumes to read this account (read-only, external ID required).",
            "Resources": ["SkyplanRole": ["Type": "AWS::IAM::Role", "Properties": properties]],
            "Outputs": ["RoleArn": ["Value": ["Fn::GetAtt": ["SkyplanRole", "Arn"]]]],
        ])
    }

    /// Deploys the template to every account of an organization (service-managed StackSet).
    public static func stackSetCommands(roleName: String) -> String {
        """
        # Save the template as skyplan-role.json, then, from the organization's management account:
        aws cloudformation create-stack-set --stack-set-name skyplan-role \\
          --template-body file://skyplan-role.json --capabilities CAPABILITY_NAMED_IAM \\
          --permission-model SERVICE_MANAGED --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false
        aws cloudformation create-stack-instances --stack-set-name skyplan-role \\
          --deployment-targets OrganizationalUnitIds=<root-or-ou-id> --regions us-east-1
        # StackSets do not deploy to the management account itself: create the stack there directly.
        # Then connect every member at once:
        #   POST /aws/organization/import {"roleName": "\(roleName)", "managementRoleArn": "arn:aws:iam::<management>:role/\(roleName)"}

        """
    }

    static func json(_ object: Any) -> String {
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
