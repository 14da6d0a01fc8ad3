import SkyplanServer
print(SkyplanServerInfo.version)
