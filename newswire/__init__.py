"""Herald's bundled demo newswire: fictional outlets publishing made-up news over loopback HTTP,
so that a new portal has something to gather at once. Pure stdlib; no Django here.

    from newswire.server import start
    wire = start()          # wire.url, wire.port, wire.wire, wire.stop()
"""
