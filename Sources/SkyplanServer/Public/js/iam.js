// Skyplan web UI: IAM helpers computed in the browser from Skyplan's account id and the external ID.

/** The IAM console's Create Role page pre-filled for a third-party role (API.md's URL shape). */
export function consoleUrl(accountId, externalId, roleName = "skyplan") {
  return (
    "https://console.aws.amazon.com/iam/home?#/roles$new?step=type&roleType=crossAccount&isThirdParty" +
    `&accountID=${encodeURIComponent(accountId)}&externalID=${encodeURIComponent(externalId)}` +
    `&roleName=${encodeURIComponent(roleName)}&policies=arn:aws:iam::aws:policy%2FReadOnlyAccess`
  );
}

/** A CloudFormation template creating the role (ReadOnlyAccess, trust limited by the external ID). */
export function cloudFormationTemplate(accountId, externalId) {
  const template = {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: "Read-only role for Skyplan (architecture diagrams). Deploy in each account, or as a StackSet across an organization.",
    Parameters: { RoleName: { Type: "String", Default: "skyplan" } },
    Resources: {
      SkyplanRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: { Ref: "RoleName" },
          ManagedPolicyArns: [{ "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess" }],
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${accountId}:root` },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": externalId } },
              },
            ],
          },
        },
      },
    },
    Outputs: { RoleArn: { Value: { "Fn::GetAtt": ["SkyplanRole", "Arn"] }, Description: "Paste this into Skyplan" } },
  };
  return JSON.stringify(template, null, 2);
}
