import SkyplanServer

print("skyplan \(SkyplanVersion.current)")
