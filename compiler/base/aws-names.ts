/** AWS regions as they are spelled in ARNs: `us-east-1`, `eu-central-2`, `cn-north-1`, `us-gov-west-1`, `us-isob-east-1`. */
export const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** A 12-digit AWS account id. */
export const accountPattern = /^\d{12}$/;

/** The partition ARNs in a region use: `aws`, or China's, GovCloud's and the isolated regions' own. */
export function partitionOf(region: string | undefined): string {
  if (!region) return "aws";
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  const isolated = /^[a-z]{2}-(iso[a-z]?)-/.exec(region)?.[1];
  return isolated ? `aws-${isolated === "iso" ? "iso" : `iso-${isolated.slice(3)}`}` : "aws";
}
