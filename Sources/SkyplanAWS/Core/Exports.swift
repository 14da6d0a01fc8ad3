// SkyplanAWS's public API uses AWSSigV4's `QueryItem` and `AWSCredentials`: re-export them so callers
// import only SkyplanAWS.
@_exported import AWSSigV4
