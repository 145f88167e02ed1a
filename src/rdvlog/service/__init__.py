"""What the commands do, callable as a library; the command line parses, calls and prints.

- :mod:`rdvlog.service.session`: the store, the clock and the time zone of one call;
- :mod:`rdvlog.service.attempts`: record an attempt (case defaults, evidence), void one;
- :mod:`rdvlog.service.case`: change the case profile;
- :mod:`rdvlog.service.reading`: the journal read, with or without verification;
- :mod:`rdvlog.service.selection`: attempts by period and place;
- :mod:`rdvlog.service.report`: the report's input, the bundle, the status facts.

The modules are imported one by one (not from here) so that ``attempt add`` loads none of
the reading and reporting code (DESIGN.md §6).
"""
