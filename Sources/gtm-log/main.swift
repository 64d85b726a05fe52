import GTMCommandLine

GTMMain.run(toolName: "gtm-log")
