<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>BulkAddDialog</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/dialogs/subscriber_bulk.py" line="+114"/>
        <source>Add these subscribers (%n) with the same tariff, tags, auto-off, route, schedule and metadata? Each driver gets an SMS asking for consent.</source>
        <translation>
            <numerusform>Add these subscribers (%n) with the same tariff, tags, auto-off, route, schedule and metadata? Each driver gets an SMS asking for consent.</numerusform>
            <numerusform>Add these subscribers (%n) with the same tariff, tags, auto-off, route, schedule and metadata? Each driver gets an SMS asking for consent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/crash.py" line="+145"/>
        <source>Times this happened: %n.</source>
        <translation>
            <numerusform>Times this happened: %n.</numerusform>
            <numerusform>Times this happened: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopAlerts</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/features/desktop_alerts/feature.py" line="+278"/>
        <source>…and %n more</source>
        <translation>
            <numerusform>…and %n more</numerusform>
            <numerusform>…and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n new alerts</source>
        <translation>
            <numerusform>%n new alert</numerusform>
            <numerusform>%n new alerts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/features/bulk_import/file_page.py" line="+135"/>
        <source>Rows: %n, columns: {columns} (encoding {encoding}, separator “{sep}”).</source>
        <translation>
            <numerusform>Rows: %n, columns: {columns} (encoding {encoding}, separator “{sep}”).</numerusform>
            <numerusform>Rows: %n, columns: {columns} (encoding {encoding}, separator “{sep}”).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n row(s) hold text that cannot be read as {encoding} and will not be sent; if names look wrong, choose another encoding.</source>
        <translation>
            <numerusform>%n row holds text that cannot be read as {encoding} and will not be sent; if names look wrong, choose another encoding.</numerusform>
            <numerusform>%n rows hold text that cannot be read as {encoding} and will not be sent; if names look wrong, choose another encoding.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Rows: %n, columns: {columns} on the sheet “{sheet}”.</source>
        <translation>
            <numerusform>Rows: %n, columns: {columns} on the sheet “{sheet}”.</numerusform>
            <numerusform>Rows: %n, columns: {columns} on the sheet “{sheet}”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/features/bulk_import/dialog.py" line="+440"/>
        <source>Report saved to {path}; rows: %n.</source>
        <translation>
            <numerusform>Report saved to {path}; rows: %n.</numerusform>
            <numerusform>Report saved to {path}; rows: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTool</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/features/bulk_import/feature.py" line="+67"/>
        <source>Import: subscribers added: %n; the drivers get an SMS asking for consent.</source>
        <translation>
            <numerusform>Import: subscribers added: %n; the drivers get an SMS asking for consent.</numerusform>
            <numerusform>Import: subscribers added: %n; the drivers get an SMS asking for consent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapCounts</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/map/style.py" line="+42"/>
        <source>%n positions</source>
        <translation>
            <numerusform>%n position</numerusform>
            <numerusform>%n positions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n positions here</source>
        <translation>
            <numerusform>%n position here</numerusform>
            <numerusform>%n positions here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n gaps</source>
        <translation>
            <numerusform>%n gap</numerusform>
            <numerusform>%n gaps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/map/panel.py" line="+308"/>
        <source>Loading the track… positions: %n</source>
        <translation>
            <numerusform>Loading the track… positions: %n</numerusform>
            <numerusform>Loading the track… positions: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/features/preferences/planning.py" line="+313"/>
        <source>In force until {date} (%n day(s) left).</source>
        <translation>
            <numerusform>In force until {date} (%n day left).</numerusform>
            <numerusform>In force until {date} (%n days left).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/features/bulk_import/preview.py" line="+189"/>
        <source>Ready to add: %n.</source>
        <translation>
            <numerusform>Ready to add: %n.</numerusform>
            <numerusform>Ready to add: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>With errors (not sent): %n.</source>
        <translation>
            <numerusform>With errors (not sent): %n.</numerusform>
            <numerusform>With errors (not sent): %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Repeated numbers (not sent): %n.</source>
        <translation>
            <numerusform>Repeated numbers (not sent): %n.</numerusform>
            <numerusform>Repeated numbers (not sent): %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Already on the account (not sent): %n.</source>
        <translation>
            <numerusform>Already on the account (not sent): %n.</numerusform>
            <numerusform>Already on the account (not sent): %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Control characters replaced with spaces in %n rows.</source>
        <translation>
            <numerusform>Control characters replaced with spaces in %n row.</numerusform>
            <numerusform>Control characters replaced with spaces in %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Operators not checked (the hour&apos;s request budget): %n; Movizor checks them as they are added.</source>
        <translation>
            <numerusform>Operator not checked (the hour&apos;s request budget): %n number; Movizor checks it as it is added.</numerusform>
            <numerusform>Operators not checked (the hour&apos;s request budget): %n numbers; Movizor checks them as they are added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/features/printing/feature.py" line="+156"/>
        <source>Saved {path} (%n page(s))</source>
        <translation>
            <numerusform>Saved {path} (%n page)</numerusform>
            <numerusform>Saved {path} (%n pages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n subscriber(s)</source>
        <translation>
            <numerusform>%n subscriber</numerusform>
            <numerusform>%n subscribers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteEditor</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/editors/route.py" line="+542"/>
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n leg(s) late</source>
        <translation>
            <numerusform>%n leg late</numerusform>
            <numerusform>%n legs late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n leg(s) tight</source>
        <translation>
            <numerusform>%n leg tight</numerusform>
            <numerusform>%n legs tight</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteModel</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/editors/route_table.py" line="+293"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n break</numerusform>
            <numerusform>%n breaks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n daily rest(s)</source>
        <translation>
            <numerusform>%n daily rest</numerusform>
            <numerusform>%n daily rests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/editors/schedule.py" line="+408"/>
        <source>On the manual tariff each scheduled request costs {price} — about {week} a week (%n request(s)).</source>
        <translation>
            <numerusform>On the manual tariff each scheduled request costs {price} — about {week} a week (%n request).</numerusform>
            <numerusform>On the manual tariff each scheduled request costs {price} — about {week} a week (%n requests).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SharesDialog</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/features/client_links/dialog.py" line="+119"/>
        <source>&amp;New link for the selected (%n)…</source>
        <translation>
            <numerusform>&amp;New link for the selected (%n)…</numerusform>
            <numerusform>&amp;New link for the selected (%n)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+95"/>
        <source>Link created; subscribers shown: %n. Copy it or open it below.</source>
        <translation>
            <numerusform>Link created; subscribers shown: %n. Copy it or open it below.</numerusform>
            <numerusform>Link created; subscribers shown: %n. Copy it or open it below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-74"/>
        <source>The client will no longer see the map of its subscribers (%n). This cannot be undone; a new link would have a different address.</source>
        <translation>
            <numerusform>The client will no longer see the map of its subscribers (%n). This cannot be undone; a new link would have a different address.</numerusform>
            <numerusform>The client will no longer see the map of its subscribers (%n). This cannot be undone; a new link would have a different address.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tariffs</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/tariff_names.py" line="+48"/>
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>Every %n hour</numerusform>
            <numerusform>Every %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplatesButton</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/editors/route_templates.py" line="+101"/>
        <source>{name} (%n point(s))</source>
        <translation>
            <numerusform>{name} (%n point)</numerusform>
            <numerusform>{name} (%n points)</numerusform>
        </translation>
    </message>
</context>
</TS>
