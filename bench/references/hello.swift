// The start-up floor of any Swift command-line tool: a release build with the Swift runtime
// linked in statically, as gtm is built (`--static-swift-stdlib`).
print("hello, world")
