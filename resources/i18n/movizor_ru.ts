<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/help.py" line="+179"/>
        <source>About Movizor Desktop</source>
        <translation>О программе Movizor Desktop</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A dispatcher workstation for Movizor.ru phone-based fleet tracking.</source>
        <translation>Рабочее место диспетчера для отслеживания транспорта по мобильным телефонам через Movizor.ru.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Licence: MIT. Copyright © 2026 Movizor Desktop developers.</source>
        <translation>Лицензия: MIT. © 2026, разработчики Movizor Desktop.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qt {qt}, PySide6 {pyside}, Python {python}.</source>
        <translation>Qt {qt}, PySide6 {pyside}, Python {python}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Map: {leaflet} {lv} (BSD-2-Clause). Map data © {osm} contributors, ODbL.</source>
        <translation>Карта: {leaflet} {lv} (BSD-2-Clause). Картографические данные © участники {osm}, ODbL.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Movizor is a service of Movizor.ru; this program is independent of Movizor.ru.</source>
        <translation>Movizor — сервис Movizor.ru. Эта программа независима от Movizor.ru.</translation>
    </message>
</context>
<context>
    <name>AddConfirmation</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/subscriber_confirm.py" line="+38"/>
        <source>Add the subscriber?</source>
        <translation>Добавить абонента?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add {phone} on the tariff “{tariff}”?</source>
        <translation>Добавить {phone} на тариф «{tariff}»?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Movizor charges {price}.</source>
        <translation>Movizor спишет {price}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Movizor charges by the tariff&apos;s price list.</source>
        <translation>Movizor спишет плату по прайс-листу тарифа.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The driver gets an SMS asking to agree to tracking; positions come once they agree.</source>
        <translation>Водитель получит SMS с просьбой согласиться на отслеживание; местоположение начнёт поступать после его согласия.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add and send the SMS</source>
        <translation>Добавить и отправить SMS</translation>
    </message>
</context>
<context>
    <name>AddressSearch</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/geocode.py" line="+106"/>
        <source>Address or coordinates</source>
        <translation>Адрес или координаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find an address, or paste coordinates or a map link</source>
        <translation>Найдите адрес или вставьте координаты либо ссылку на карту</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Movizor&apos;s address search knows Russian names: “Казань, Баумана 1”, not “Kazan”.</source>
        <translation>Поиск адресов Movizor знает русские названия: «Казань, Баумана 1», а не «Kazan».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search</source>
        <translation>Найти</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search the address</source>
        <translation>Найти адрес</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Type an address (city, street, house) or paste coordinates.</source>
        <translation>Введите адрес (город, улица, дом) или вставьте координаты.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Address search is not available here; paste the coordinates instead.</source>
        <translation>Поиск адреса здесь недоступен — вставьте координаты.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Searching for “{query}”…</source>
        <translation>Ищем «{query}»…</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+8"/>
        <source>Address search failed: {reason}</source>
        <translation>Не удалось найти адрес: {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing found for “{query}”. Movizor&apos;s address search knows Russian names: type “Казань”, not “Kazan”.</source>
        <translation>По запросу «{query}» ничего не найдено. Поиск адресов Movizor знает русские названия: пишите «Казань», а не «Kazan».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing found for “{query}”. Try the city and street, or paste coordinates.</source>
        <translation>По запросу «{query}» ничего не найдено. Укажите город и улицу или вставьте координаты.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} addresses found — choose one.</source>
        <translation>Найдено адресов: {count} — выберите нужный.</translation>
    </message>
</context>
<context>
    <name>AlertChannels</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/alert_subscriptions/form.py" line="+78"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
</context>
<context>
    <name>AlertFormDialog</name>
    <message>
        <location line="+30"/>
        <source>Edit alert</source>
        <translation>Изменить оповещение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New alert</source>
        <translation>Новое оповещение</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Event:</source>
        <translation>&amp;Событие:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Send by:</source>
        <translation>Способ &amp;отправки:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;To:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;All subscribers of the account</source>
        <translation>&amp;Все абоненты договора</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Only the subscribers ticked below</source>
        <translation>&amp;Только отмеченные ниже абоненты</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Find by name or number</source>
        <translation>Поиск по названию или номеру</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Subscribers:</source>
        <translation>Абоненты:</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Every subscriber, including ones added later.</source>
        <translation>Все абоненты, в том числе добавленные позже.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The same alert already exists.</source>
        <translation>Такое же оповещение уже есть.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No answer came to adding the changed alert: {error} It may have been added next to the old one, which was kept. Check the list.</source>
        <translation>Ответ на добавление изменённого оповещения не пришёл: {error} Возможно, оно добавлено рядом со старым, которое сохранено. Проверьте список.</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Alerts go to the Telegram linked to your Movizor account (set up in the web cabinet).</source>
        <translation>Оповещения приходят в Telegram, привязанный к вашему договору Movizor (настраивается в личном кабинете).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The mobile number that gets the SMS.</source>
        <translation>Номер мобильного телефона, на который придёт SMS.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address that gets the e-mail.</source>
        <translation>Адрес, на который придёт письмо.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Chosen: {count}</source>
        <translation>Выбрано: {count}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the mobile number that gets the SMS.</source>
        <translation>Введите номер мобильного телефона, на который придёт SMS.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the e-mail address.</source>
        <translation>Введите адрес эл. почты.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{value}” is not a Russian mobile number.</source>
        <translation>«{value}» — не российский мобильный номер.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«{value}» — не адрес эл. почты.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick at least one subscriber, or choose all.</source>
        <translation>Отметьте хотя бы одного абонента или выберите всех.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Alert added.</source>
        <translation>Оповещение добавлено.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert changed.</source>
        <translation>Оповещение изменено.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The changed alert was added, but the old one could not be deleted: {error} Both exist now; delete the old one from the list.</source>
        <translation>Изменённое оповещение добавлено, но старое удалить не удалось: {error} Теперь есть оба — удалите старое из списка.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{error} The alert was not changed; the old one stays.</source>
        <translation>{error} Оповещение не изменено, старое сохраняется.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
</context>
<context>
    <name>AlertSubscriptions</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/alert_subscriptions/feature.py" line="+32"/>
        <source>&amp;Alert subscriptions…</source>
        <translation>&amp;Подписки на оповещения…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS, e-mail and Telegram alerts on events</source>
        <translation>Оповещения о событиях по SMS, эл. почте и в Telegram</translation>
    </message>
</context>
<context>
    <name>AlertSubscriptionsDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/alert_subscriptions/dialog.py" line="+61"/>
        <source>Alert subscriptions</source>
        <translation>Подписки на оповещения</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Movizor sends an SMS, an e-mail or a Telegram message when an event happens. SMS alerts are paid per message (see the balance).</source>
        <translation>Movizor присылает SMS, письмо или сообщение в Telegram, когда происходит событие. SMS-оповещения оплачиваются за каждое сообщение (с баланса договора).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send by</source>
        <translation>Способ отправки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribers</source>
        <translation>Абоненты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loading alert subscriptions…</source>
        <translation>Загружаем подписки на оповещения…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The alert subscriptions could not be loaded.</source>
        <translation>Не удалось загрузить подписки на оповещения.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No alerts yet. Press Add… to get an SMS, an e-mail or a Telegram message when, for example, a driver refuses tracking or runs late.</source>
        <translation>Оповещений пока нет. Нажмите «Добавить…», чтобы получать SMS, письмо или сообщение в Telegram, например когда водитель отказывается от отслеживания или опаздывает.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The alert subscriptions could not be loaded: {error}</source>
        <translation>Не удалось загрузить подписки на оповещения: {error}</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>the account&apos;s Telegram</source>
        <translation>Telegram договора</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All subscribers</source>
        <translation>Все абоненты</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>and {count} more</source>
        <translation>и ещё {count}</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Delete alert?</source>
        <translation>Удалить оповещение?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the “{event}” alerts?</source>
        <translation>Больше не присылать оповещения «{event}»?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete alert</source>
        <translation>Удалить оповещение</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>The alert could not be deleted: {error}</source>
        <translation>Не удалось удалить оповещение: {error}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Alert deleted.</source>
        <translation>Оповещение удалено.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/desktop_alerts/dialog.py" line="+57"/>
        <source>Desktop alerts</source>
        <translation>Уведомления на рабочем столе</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show desktop alerts for the chosen events</source>
        <translation>Показывать уведомления на рабочем столе о выбранных событиях</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events that raise an alert</source>
        <translation>События, о которых приходит уведомление</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Default events</source>
        <translation>События по умолчанию</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Play a sound</source>
        <translation>Звуковой сигнал</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiet hours: no pop-ups and no sound</source>
        <translation>Тихие часы: без всплывающих уведомлений и звука</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HH:MM</source>
        <translation>ЧЧ:ММ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until:</source>
        <translation>До:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Events:</source>
        <translation>События:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This desktop has no notification area: alerts appear in the status bar of the window instead.</source>
        <translation>На этом рабочем столе нет области уведомлений: уведомления будут показываться в строке состояния окна.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Enter a time as HH:MM, for example 22:00.</source>
        <translation>Введите время в формате ЧЧ:ММ, например 22:00.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The end must differ from the start.</source>
        <translation>Конец должен отличаться от начала.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Quiet every night from {start} to {end}, on this computer&apos;s clock.</source>
        <translation>Тишина каждую ночь с {start} до {end} по часам этого компьютера.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quiet every day from {start} to {end}, on this computer&apos;s clock.</source>
        <translation>Тишина каждый день с {start} до {end} по часам этого компьютера.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The alert settings could not be saved: {error}</source>
        <translation>Не удалось сохранить настройки уведомлений: {error}</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../movizor_desktop/app.py" line="+349"/>
        <source>There is no profile named “{name}”.</source>
        <translation>Профиль «{name}» не найден.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The profile “{name}” uses an unencrypted http:// address: the key would travel readable on the network. Switch it to https://, or confirm the warning with Check connection or Save.</source>
        <translation>Профиль «{name}» использует адрес http:// без шифрования: ключ будет передаваться по сети в открытом виде. Замените адрес на https:// или подтвердите предупреждение кнопкой «Проверить подключение» или «Сохранить».</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter the API key: it is not saved on this computer.</source>
        <translation>Введите ключ API: он не сохранён на этом компьютере.</translation>
    </message>
</context>
<context>
    <name>ArrivalEdit</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/arrival.py" line="+74"/>
        <source>Planned arrival, Moscow time</source>
        <translation>Плановое прибытие, время московское</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No planned time for this point</source>
        <translation>Без планового времени для этой точки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the arrival time</source>
        <translation>Очистить время прибытия</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+29"/>
        <source>local {time}</source>
        <translation>местн. {time}</translation>
    </message>
</context>
<context>
    <name>Badges</name>
    <message>
        <location filename="../../movizor_desktop/ui/subscribers/badges.py" line="+104"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Just added. Movizor is asking the operator to send the driver an SMS requesting consent to be located.</source>
        <translation>Только что добавлен. Movizor просит оператора отправить водителю SMS с запросом согласия на определение местоположения.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Awaiting consent</source>
        <translation>Ждёт согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver received the consent SMS and has not answered yet. Tracking starts as soon as they agree.</source>
        <translation>Водитель получил SMS с запросом согласия и ещё не ответил. Отслеживание начнётся, как только он согласится.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Active</source>
        <translation>Активен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver agreed: positions arrive by the tariff and can be requested at any time.</source>
        <translation>Водитель согласился: местоположение приходит по тарифу, его можно запросить в любой момент.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Switching off</source>
        <translation>Отключается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Being switched off. Tracking stops in a few minutes.</source>
        <translation>Отключается. Отслеживание прекратится через несколько минут.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking is off (switched off by you or at the auto-off time). Reactivate to track again; delete it once more to remove it from the list.</source>
        <translation>Отслеживание выключено (вами или по времени автоотключения). Подключите повторно, чтобы отслеживать снова; удалите ещё раз, чтобы убрать из списка.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused</source>
        <translation>Отказался</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver refused to be located. Reactivate to send the consent SMS again after talking to them.</source>
        <translation>Водитель отказался от определения местоположения. Поговорите с ним и подключите повторно — SMS с запросом придёт снова.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No answer</source>
        <translation>Не ответил</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver did not answer the consent SMS in time. Call the driver, then add the number again.</source>
        <translation>Водитель не ответил на SMS с запросом согласия вовремя. Позвоните водителю и добавьте номер снова.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operator could not connect this number to tracking.</source>
        <translation>Оператор не смог подключить этот номер к отслеживанию.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsupported</source>
        <translation>Не поддерживается</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This number&apos;s mobile operator is not supported by Movizor.</source>
        <translation>Оператор этого номера не поддерживается Movizor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tracked elsewhere</source>
        <translation>Отслеживается другими</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This number is already located by another company through the operator; the operator allows only one.</source>
        <translation>Этот номер уже отслеживает другая компания через оператора; оператор разрешает только одну.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restricted</source>
        <translation>Ограничен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver&apos;s line has a restriction (blocked, barred services or a child/corporate limit), so the operator will not locate it.</source>
        <translation>На номере водителя есть ограничение (блокировка, запрет услуг, детский или корпоративный лимит), поэтому оператор не определит местоположение.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>On time</source>
        <translation>Успевает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected to reach the destination on time.</source>
        <translation>Ожидается прибытие в пункт назначения вовремя.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Late</source>
        <translation>Опаздывает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the current pace the driver will reach the destination after the planned time.</source>
        <translation>В текущем темпе водитель прибудет в пункт назначения позже планового времени.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Arrived</source>
        <translation>Прибыл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver reached the final destination.</source>
        <translation>Водитель прибыл в конечный пункт.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Route set</source>
        <translation>Маршрут задан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A route is set; the forecast appears after the next positions.</source>
        <translation>Маршрут задан; прогноз появится после следующих определений местоположения.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Movizor reported a status this version does not know: “{status}”.</source>
        <translation>Movizor сообщил статус, неизвестный этой версии: «{status}».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The status is not known yet.</source>
        <translation>Статус пока неизвестен.</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+25"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/widgets.py" line="+111"/>
        <source>Error message</source>
        <translation>Сообщение об ошибке</translation>
    </message>
</context>
<context>
    <name>BulkAddDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/subscriber_bulk.py" line="+108"/>
        <source>Add several subscribers</source>
        <translation>Добавление нескольких абонентов</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Add these subscribers (%n) with the same tariff, tags, auto-off, route, schedule and metadata? Each driver gets an SMS asking for consent.</source>
        <translation>
            <numerusform>Добавить абонентов (%n) с одинаковыми тарифом, метками, автоотключением, маршрутом, расписанием и метаданными? Каждому водителю придёт SMS с запросом согласия.</numerusform>
            <numerusform>Добавить абонентов (%n) с одинаковыми тарифом, метками, автоотключением, маршрутом, расписанием и метаданными? Каждому водителю придёт SMS с запросом согласия.</numerusform>
            <numerusform>Добавить абонентов (%n) с одинаковыми тарифом, метками, автоотключением, маршрутом, расписанием и метаданными? Каждому водителю придёт SMS с запросом согласия.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None of the pasted numbers can be added.</source>
        <translation>Ни один из вставленных номеров нельзя добавить.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(the number)</source>
        <translation>(по номеру)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>Готов к добавлению</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Listed twice; added once.</source>
        <translation>Повтор: добавляется один раз.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add {count}</source>
        <translation>Добавить ({count})</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not sent: stopped.</source>
        <translation>Не отправлен: остановлено.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adding…</source>
        <translation>Добавление…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Added.</source>
        <translation>Добавлен.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{added} added, {failed} not added.</source>
        <translation>Добавлено: {added}, не добавлено: {failed}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} not sent.</source>
        <translation>Не отправлено: {count}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ClientLinks</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/client_links/feature.py" line="+47"/>
        <source>S&amp;hare with a client…</source>
        <translation>Поделиться с &amp;клиентом…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a link to Movizor&apos;s map of the selected subscribers for a client</source>
        <translation>Создать для клиента ссылку на карту Movizor с выбранными абонентами</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Client links…</source>
        <translation>&amp;Ссылки для клиентов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The links that give clients a map of their subscribers</source>
        <translation>Ссылки, по которым клиенты видят своих абонентов на карте</translation>
    </message>
</context>
<context>
    <name>ClockNotice</name>
    <message>
        <location filename="../../movizor_desktop/ui/clock_notice.py" line="+75"/>
        <source>PC clock {difference} behind</source>
        <translation>Часы ПК отстают на {difference}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s clock is {difference} behind Movizor&apos;s.</source>
        <translation>Часы этого компьютера отстают от часов Movizor на {difference}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PC clock {difference} ahead</source>
        <translation>Часы ПК спешат на {difference}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s clock is {difference} ahead of Movizor&apos;s.</source>
        <translation>Часы этого компьютера спешат относительно часов Movizor на {difference}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The times in this app follow Movizor&apos;s clock, learned from its answers, so tracks, &quot;N min ago&quot; and late arrivals are judged right. To make the computer agree, correct its date and time settings (or ask IT to turn on time synchronisation).</source>
        <translation>Время в программе идёт по часам Movizor (они определяются по его ответам), поэтому треки, «N мин назад» и опоздания оцениваются верно. Чтобы часы компьютера совпадали, исправьте дату и время в его настройках (или попросите ИТ-отдел включить синхронизацию времени).</translation>
    </message>
</context>
<context>
    <name>ConfirmDelete</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/confirm.py" line="+53"/>
        <source>and {count} more</source>
        <translation>и ещё {count}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name}: possible in {hours} h {minutes} min</source>
        <translation>{name}: можно через {hours} ч {minutes} мин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: possible in {minutes} min</source>
        <translation>{name}: можно через {minutes} мин</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Will be disabled: {names}. Tracking stops and the history is kept. Movizor may not let you reactivate a subscriber disabled by hand (some of its documents allow that only after an automatic switch-off); tracking again may then need adding the number anew and the driver&apos;s consent. Deleting again removes it for good.</source>
        <translation>Будут отключены: {names}. Отслеживание прекратится, история сохранится. Movizor может не позволить повторно подключить абонента, отключённого вручную (часть его документов разрешает это только после автоматического отключения); тогда для отслеживания номер придётся добавить заново, и водитель снова даст согласие. Повторное удаление удалит абонента навсегда.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Will be deleted for good, together with the whole history of movements: {names}. This cannot be undone.</source>
        <translation>Будут удалены окончательно вместе со всей историей перемещений: {names}. Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Just added: {names}. A new subscriber can be deleted only one hour after adding, unless the driver accepts or declines earlier.</source>
        <translation>Только что добавлены: {names}. Нового абонента можно удалить только через час после добавления, если водитель раньше не примет или не отклонит запрос.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Awaiting the driver&apos;s confirmation: {names}. Such a subscriber can be deleted only 24 hours after adding, unless the driver accepts or declines earlier.</source>
        <translation>Ожидают подтверждения водителя: {names}. Такого абонента можно удалить только через 24 часа после добавления, если водитель раньше не примет или не отклонит запрос.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Disable subscriber?</source>
        <translation>Отключить абонента?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable subscribers?</source>
        <translation>Отключить абонентов?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete subscriber for good?</source>
        <translation>Удалить абонента окончательно?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete subscribers for good?</source>
        <translation>Удалить абонентов окончательно?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable or delete subscribers?</source>
        <translation>Отключить или удалить абонентов?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribers selected: {count}.</source>
        <translation>Выбрано абонентов: {count}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Disable</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete for good</source>
        <translation>Удалить окончательно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable / delete</source>
        <translation>Отключить / удалить</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/connection.py" line="+91"/>
        <source>Connection settings</source>
        <translation>Настройки подключения</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect to your Movizor account. The project name and the API key are in your Movizor personal account.</source>
        <translation>Подключитесь к своему договору Movizor. Имя проекта и ключ API указаны в личном кабинете Movizor.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Profiles:</source>
        <translation>Профили:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;onnect</source>
        <translation>Подк&amp;лючиться</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{name} (in use)</source>
        <translation>{name} (используется)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New profile</source>
        <translation>Новый профиль</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Saved; leave empty to keep it</source>
        <translation>Сохранён; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the API key here</source>
        <translation>Вставьте сюда ключ API</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No password storage is available on this computer: the key is kept for this session only and will be asked for again at the next start.</source>
        <translation>На этом компьютере нет хранилища паролей: ключ хранится только до закрытия программы и при следующем запуске будет запрошен снова.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key is kept in the system password storage ({backend}), never in a file.</source>
        <translation>Ключ хранится в системном хранилище паролей ({backend}) и никогда не записывается в файл.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unencrypted address: the key and all data travel readable by anyone on the way (sent only in POST bodies, never in URLs).</source>
        <translation>Адрес без шифрования: ключ и все данные передаются в открытом виде, их может прочитать любой по пути (ключ — только в теле POST-запроса, никогда в адресе).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter a name for this profile.</source>
        <translation>Введите название профиля.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the project (contract) name.</source>
        <translation>Введите имя проекта (договора).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project name must not contain “/”.</source>
        <translation>Имя проекта не должно содержать «/».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The API address must start with http:// or https:// and name a host, e.g. {url}</source>
        <translation>Адрес API должен начинаться с http:// или https:// и содержать имя сервера, например {url}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A profile named “{name}” already exists.</source>
        <translation>Профиль «{name}» уже существует.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the API key.</source>
        <translation>Введите ключ API.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The API key is too long ({count} characters).</source>
        <translation>Ключ API слишком длинный (символов: {count}).</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/connection_form.py" line="+91"/>
        <source>Unencrypted connection</source>
        <translation>Соединение без шифрования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address {url} is not encrypted (http://). The API key and all your data would travel readable by anyone on the network between this computer and the server.

Use https:// unless your administrator says this server has no encryption.</source>
        <translation>Адрес {url} не зашифрован (http://). Ключ API и все ваши данные будет видно любому в сети между этим компьютером и сервером.

Используйте https://, если только администратор не сказал, что у этого сервера нет шифрования.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Use &amp;https://</source>
        <translation>Использовать &amp;https://</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send &amp;unencrypted</source>
        <translation>Отправлять &amp;без шифрования</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/connection.py" line="+50"/>
        <source>The profile could not be saved: {error}</source>
        <translation>Не удалось сохранить профиль: {error}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>“{name}” is in use. Connect to another profile first, then delete this one.</source>
        <translation>Профиль «{name}» сейчас используется. Сначала подключитесь к другому профилю, затем удалите этот.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete profile?</source>
        <translation>Удалить профиль?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the profile “{name}” and its saved key? The subscribers on the Movizor account are not affected.</source>
        <translation>Удалить профиль «{name}» и сохранённый ключ? Абоненты на договоре Movizor не затрагиваются.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>This key was refused a moment ago. Check the project name and the key (Movizor locks access for an hour after five wrong keys).</source>
        <translation>Этот ключ только что был отклонён. Проверьте имя проекта и ключ (после пяти неверных ключей Movizor блокирует доступ на час).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This address cannot be used.</source>
        <translation>Этот адрес нельзя использовать.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected. Balance: {balance}</source>
        <translation>Подключение установлено. Баланс: {balance}</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../movizor_desktop/ui/controller.py" line="+179"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name}: {error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{name} added; the driver gets an SMS asking for consent.</source>
        <translation>{name} добавлен; водителю придёт SMS с запросом согласия.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} saved.</source>
        <translation>{name}: изменения сохранены.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Locating…</source>
        <translation>Определяем…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Position requested…</source>
        <translation>Местоположение запрошено…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name}: position received — {where}, {time}.</source>
        <translation>{name}: местоположение получено — {where}, {time}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Position requested; waiting for the operator…</source>
        <translation>Местоположение запрошено; ждём ответа оператора…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested…</source>
        <translation>Запрошено…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for the operator… {elapsed}</source>
        <translation>Ждём ответа оператора… {elapsed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locating… {elapsed}</source>
        <translation>Определяем… {elapsed}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position received.</source>
        <translation>Местоположение получено.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name}&apos;s tariff is not in the price table yet, so this request may be charged.</source>
        <translation>Тариф абонента {name} ещё не найден в таблице цен, поэтому этот запрос может быть платным.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is on the manual tariff: this request costs {cost}.</source>
        <translation>{name} на тарифе «Вручную»: этот запрос стоит {cost}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} is on the manual tariff: each request is charged by the tariff.</source>
        <translation>{name} на тарифе «Вручную»: каждый запрос оплачивается по тарифу.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request position?</source>
        <translation>Запросить местоположение?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The operator answers within a few minutes.</source>
        <translation>Оператор отвечает в течение нескольких минут.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>Запросить</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Deleting…</source>
        <translation>Удаляем…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} deleted.</source>
        <translation>{name} удалён.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} disabled; delete it again to remove it for good.</source>
        <translation>{name} отключён; удалите ещё раз, чтобы убрать его совсем.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Done: {done} of {total}; refused: {failed}.</source>
        <translation>Выполнено: {done} из {total}; отказано: {failed}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disable / delete</source>
        <translation>Отключение / удаление</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reactivating…</source>
        <translation>Подключаем…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: reactivated; the driver gets the consent SMS again.</source>
        <translation>{name}: подключён повторно; водителю снова придёт SMS с запросом согласия.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>Отменяем…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}: the tariff change is cancelled; the current tariff stays.</source>
        <translation>{name}: смена тарифа отменена, текущий тариф сохраняется.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Copied: {phones}</source>
        <translation>Скопировано: {phones}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The key was refused: change it in the connection settings first.</source>
        <translation>Ключ не принят: сначала измените его в настройках подключения.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refreshing…</source>
        <translation>Обновляем…</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/crash.py" line="+98"/>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong inside Movizor Desktop. The app keeps running; your data on Movizor is not affected. Please send this report to support: it contains no API key.</source>
        <translation>В Movizor Desktop произошёл сбой. Программа продолжает работать, ваши данные в Movizor не затронуты. Пожалуйста, отправьте этот отчёт в поддержку: ключа API в нём нет.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copy report</source>
        <translation>Копировать отчёт</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Times this happened: %n.</source>
        <translation>
            <numerusform>Это произошло %n раз.</numerusform>
            <numerusform>Это произошло %n раза.</numerusform>
            <numerusform>Это произошло %n раз.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>DesktopAlerts</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/desktop_alerts/feature.py" line="+144"/>
        <source>&amp;Desktop alerts…</source>
        <translation>&amp;Уведомления на рабочем столе…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which events pop up on this computer&apos;s desktop, quiet hours, sound</source>
        <translation>О каких событиях показывать уведомления на этом компьютере, тихие часы, звук</translation>
    </message>
    <message numerus="yes">
        <location line="+133"/>
        <source>…and %n more</source>
        <translation>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
            <numerusform>…и ещё %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n new alerts</source>
        <translation>
            <numerusform>%n новое уведомление</numerusform>
            <numerusform>%n новых уведомления</numerusform>
            <numerusform>%n новых уведомлений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../movizor_desktop/ui/details.py" line="+272"/>
        <source>Consent:</source>
        <translation>Согласие:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tariff:</source>
        <translation>Тариф:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last fix:</source>
        <translation>Последняя точка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place:</source>
        <translation>Место:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinates:</source>
        <translation>Координаты:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Km left:</source>
        <translation>Осталось км:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast:</source>
        <translation>Прогноз:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests:</source>
        <translation>Запросы:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule:</source>
        <translation>Расписание:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-off:</source>
        <translation>Автоотключение:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added:</source>
        <translation>Добавлен:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details as of:</source>
        <translation>Данные на:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Additional fields</source>
        <translation>Дополнительные поля</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Select a subscriber in the list to see the details.</source>
        <translation>Выберите абонента в списке, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{count} subscribers selected.</source>
        <translation>Выбрано абонентов: {count}.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>(no name)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Given</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not given yet</source>
        <translation>Ещё не получено</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Changes to “{new}” from {when}; cancel the change to keep the current tariff.</source>
        <translation>С {when} сменится на «{new}»; отмените смену, чтобы оставить текущий тариф.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No position yet</source>
        <translation>Местоположение ещё не определялось</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{time} left</source>
        <translation>осталось {time}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Moving</source>
        <translation>В движении</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>A position request is being processed.</source>
        <translation>Запрос местоположения обрабатывается.</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Now:</source>
        <translation>Сейчас:</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>The last position request failed.</source>
        <translation>Последний запрос местоположения не удался.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone unreachable since {time}.</source>
        <translation>Телефон недоступен с {time}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not loaded yet</source>
        <translation>ещё не загружены</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Parked</source>
        <translation>Стоит</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parked for {time}</source>
        <translation>Стоит {time}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not reported by Movizor</source>
        <translation>Movizor его не сообщает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{schedule} (as saved from this computer {when}; not reported by Movizor)</source>
        <translation>{schedule} (как сохранено с этого компьютера {when}; Movizor его не сообщает)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no days</source>
        <translation>дни не заданы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no times</source>
        <translation>время не задано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{days} at {times} MSK</source>
        <translation>{days} в {times} МСК</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>planned {time}</source>
        <translation>план {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>arrived {time}</source>
        <translation>прибыл {time}</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/diagnostics.py" line="+120"/>
        <source>Copy &amp;diagnostics</source>
        <translation>Копировать &amp;диагностику</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the app&apos;s versions, connection state and recent log (no API key) for support.</source>
        <translation>Скопировать для поддержки версии программы, состояние подключения и последние записи журнала (без ключа API).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The local cache was damaged and has been rebuilt; the list fills again from Movizor. The damaged file was kept as {name}.</source>
        <translation>Локальный кэш был повреждён и создан заново; список снова загружается из Movizor. Повреждённый файл сохранён как {name}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>Диагностика скопирована в буфер обмена.</translation>
    </message>
</context>
<context>
    <name>DialogGuard</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/guard.py" line="+186"/>
        <source>Discard the changes?</source>
        <translation>Отменить изменения?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed in this window has not been saved.</source>
        <translation>Введённое в этом окне не сохранено.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close the window and lose it, or keep editing?</source>
        <translation>Закрыть окно и потерять введённое или продолжить редактирование?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep editing</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <location filename="../../movizor_desktop/ui/events_panel.py" line="+75"/>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number was added for tracking.</source>
        <translation>Номер добавлен для отслеживания.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switched off automatically</source>
        <translation>Автоотключение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking stopped at the auto-off time.</source>
        <translation>Отслеживание остановлено по времени автоотключения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switched off</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking of the number was switched off.</source>
        <translation>Отслеживание номера отключено.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent given</source>
        <translation>Согласие получено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver agreed to be located.</source>
        <translation>Водитель согласился на определение местоположения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consent refused</source>
        <translation>Отказ от согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver refused to be located.</source>
        <translation>Водитель отказался от определения местоположения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position received</source>
        <translation>Местоположение определено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A position request was answered.</source>
        <translation>Запрос местоположения выполнен.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position request failed</source>
        <translation>Ошибка запроса местоположения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operator could not determine the position.</source>
        <translation>Оператор не смог определить местоположение.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone unreachable</source>
        <translation>Телефон недоступен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phone was switched off or out of coverage.</source>
        <translation>Телефон выключен или вне зоны действия сети.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone in roaming</source>
        <translation>Телефон в роуминге</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The phone is in roaming, where it cannot be located.</source>
        <translation>Телефон в роуминге, где местоположение не определяется.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reconnected</source>
        <translation>Подключён повторно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking was switched on again.</source>
        <translation>Отслеживание снова включено.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tariff changed automatically</source>
        <translation>Тариф сменился автоматически</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tariff changed on schedule (e.g. a package ended).</source>
        <translation>Тариф сменился по расписанию (например, закончился пакет).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On schedule</source>
        <translation>Успевает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The forecast says the driver arrives on time.</source>
        <translation>По прогнозу водитель прибудет вовремя.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Running late</source>
        <translation>Опаздывает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The forecast says the driver will be late.</source>
        <translation>По прогнозу водитель опоздает.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arrived</source>
        <translation>Прибыл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver reached the destination.</source>
        <translation>Водитель прибыл в пункт назначения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Driver called</source>
        <translation>Звонок водителю</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An automatic call explained the tracking to the driver.</source>
        <translation>Автоматический звонок объяснил водителю отслеживание.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No consent answer</source>
        <translation>Нет ответа на запрос согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver did not answer the consent SMS in time.</source>
        <translation>Водитель вовремя не ответил на SMS с запросом согласия.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line restricted</source>
        <translation>Ограничение на номере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver&apos;s line has a restriction; it cannot be located.</source>
        <translation>На номере водителя ограничение; местоположение не определяется.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On route</source>
        <translation>На маршруте</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver is on the planned route.</source>
        <translation>Водитель на запланированном маршруте.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back on route</source>
        <translation>Вернулся на маршрут</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver returned to the route.</source>
        <translation>Водитель вернулся на маршрут.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left the route</source>
        <translation>Сошёл с маршрута</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver left the planned route.</source>
        <translation>Водитель сошёл с запланированного маршрута.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off route</source>
        <translation>Не на маршруте</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver is not on the planned route.</source>
        <translation>Водитель не на запланированном маршруте.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parked</source>
        <translation>Стоянка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The driver stopped.</source>
        <translation>Водитель остановился.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moving again</source>
        <translation>Начал движение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The driver started moving after a stop.</source>
        <translation>Водитель продолжил движение после стоянки.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App started</source>
        <translation>Приложение запущено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Movizor app on the phone was started.</source>
        <translation>Приложение Movizor на телефоне запущено.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App stopped</source>
        <translation>Приложение остановлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Movizor app on the phone was stopped.</source>
        <translation>Приложение Movizor на телефоне остановлено.</translation>
    </message>
    <message>
        <location line="+61"/>
        <location filename="../../movizor_desktop/ui/features/exports/feature.py" line="+226"/>
        <location line="+52"/>
        <source>Time (MSK)</source>
        <translation>Время (МСК)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../movizor_desktop/ui/features/exports/feature.py" line="+1"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../movizor_desktop/ui/features/exports/feature.py" line="+1"/>
        <source>Subscriber</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Events between {since} and {until} may be missing.</source>
        <translation>События между {since} и {until} могут отсутствовать.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events before {until} may be missing.</source>
        <translation>События до {until} могут отсутствовать.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events after {since} may be missing.</source>
        <translation>События после {since} могут отсутствовать.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Movizor sent only the newest ones; every subscriber&apos;s status was checked again.</source>
        <translation>Movizor прислал только самые новые; статусы всех абонентов проверены заново.</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location line="-46"/>
        <location line="+1"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the warning</source>
        <translation>Скрыть предупреждение</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../movizor_desktop/ui/saving.py" line="+92"/>
        <source>Could not fetch the data: {reason}</source>
        <translation>Не удалось получить данные: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No permission to write {path}. Choose another folder.</source>
        <translation>Нет прав на запись {path}. Выберите другую папку.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk is full: {path} was not saved.</source>
        <translation>Диск заполнен: {path} не сохранён.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder of {path} does not exist.</source>
        <translation>Папки для {path} не существует.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Could not save {path}: {reason}</source>
        <translation>Не удалось сохранить {path}: {reason}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Could not export: {reason}</source>
        <translation>Не удалось экспортировать: {reason}</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/subscribers/shown.py" line="+48"/>
        <source>{column} (MSK)</source>
        <translation>{column} (МСК)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Subscribers</source>
        <translation>Абоненты</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/exports/feature.py" line="-170"/>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscriber &amp;list…</source>
        <translation>Список &amp;абонентов…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the list as shown (filter, columns, order) as an Excel workbook or CSV</source>
        <translation>Сохранить список как на экране (отбор, столбцы, порядок) в книгу Excel или CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Track of the selected subscriber…</source>
        <translation>&amp;Трек выбранного абонента…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the positions of a period as GPX, KML or CSV</source>
        <translation>Сохранить точки за период в GPX, KML или CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Events of a period…</source>
        <translation>&amp;События за период…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the account&apos;s events of a period as an Excel workbook or CSV</source>
        <translation>Сохранить события договора за период в книгу Excel или CSV</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Nothing to export: no subscriber is shown in the list.</source>
        <translation>Нечего экспортировать: в списке нет ни одного абонента.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the subscriber list</source>
        <translation>Экспорт списка абонентов</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The subscriber list was saved to {path}</source>
        <translation>Список абонентов сохранён в {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Excel workbook</source>
        <translation>Книга Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>CSV for Excel, semicolon-separated</source>
        <translation>CSV для Excel, разделитель — точка с запятой</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Export a track</source>
        <translation>Экспорт трека</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions of {name} to save:</source>
        <translation>Сохранить точки абонента {name} за период:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export the track</source>
        <translation>Экспорт трека</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPX track</source>
        <translation>Трек GPX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KML for Google Earth</source>
        <translation>KML для Google Earth</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name}: track {period}</source>
        <translation>{name}: трек за {period}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy, m</source>
        <translation>Погрешность, м</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions</source>
        <translation>Точки</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No positions of {name} in that period: nothing was saved.</source>
        <translation>У абонента {name} нет точек за этот период: ничего не сохранено.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The track was saved to {path}</source>
        <translation>Трек сохранён в {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+13"/>
        <source>Export events</source>
        <translation>Экспорт событий</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Events of the account to save:</source>
        <translation>Сохранить события договора за период:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The events were saved to {path}</source>
        <translation>События сохранены в {path}</translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/widgets.py" line="-24"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/bulk_import/file_page.py" line="+36"/>
        <source>A .csv or .xlsx file</source>
        <translation>Файл .csv или .xlsx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+56"/>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoding:</source>
        <translation>Кодировка:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first row must hold the column names. Phone numbers in any common format; auto-off as 31.12.2026 or 31.12.2026 18:00 (MSK); route points as “55.75, 37.62” or addresses, separated by | or ;. Each driver added gets an SMS asking for consent.</source>
        <translation>В первой строке должны быть названия столбцов. Телефоны — в любом распространённом формате; автоотключение — в виде 31.12.2026 или 31.12.2026 18:00 (МСК); точки маршрута — в виде «55.75, 37.62» или адресами через | или ;. Каждому добавленному водителю придёт SMS с запросом согласия.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>most programs, Excel&apos;s “CSV UTF-8”</source>
        <translation>большинство программ, «CSV UTF-8» в Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Russian Excel&apos;s “CSV”, 1C</source>
        <translation>«CSV» в русском Excel, 1С</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel&apos;s “Unicode text”</source>
        <translation>«Текст Юникод» в Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>old Unix and mail systems</source>
        <translation>старые Unix и почтовые системы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DOS programs</source>
        <translation>программы для DOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rare, old Unix systems</source>
        <translation>редкая, старые Unix-системы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>old Mac programs</source>
        <translation>старые программы для Mac</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Western European Windows</source>
        <translation>западноевропейская Windows</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Automatic ({encoding})</source>
        <translation>Автоматически ({encoding})</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Rows: %n, columns: {columns} (encoding {encoding}, separator “{sep}”).</source>
        <translation>
            <numerusform>Строк: %n, столбцов: {columns} (кодировка {encoding}, разделитель «{sep}»).</numerusform>
            <numerusform>Строк: %n, столбцов: {columns} (кодировка {encoding}, разделитель «{sep}»).</numerusform>
            <numerusform>Строк: %n, столбцов: {columns} (кодировка {encoding}, разделитель «{sep}»).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n row(s) hold text that cannot be read as {encoding} and will not be sent; if names look wrong, choose another encoding.</source>
        <translation>
            <numerusform>%n строка содержит текст, который не читается в кодировке {encoding}, и не будет отправлена; если имена выглядят неправильно, выберите другую кодировку.</numerusform>
            <numerusform>%n строки содержат текст, который не читается в кодировке {encoding}, и не будут отправлены; если имена выглядят неправильно, выберите другую кодировку.</numerusform>
            <numerusform>%n строк содержат текст, который не читается в кодировке {encoding}, и не будут отправлены; если имена выглядят неправильно, выберите другую кодировку.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Rows: %n, columns: {columns} on the sheet “{sheet}”.</source>
        <translation>
            <numerusform>Строк: %n, столбцов: {columns} (лист «{sheet}»).</numerusform>
            <numerusform>Строк: %n, столбцов: {columns} (лист «{sheet}»).</numerusform>
            <numerusform>Строк: %n, столбцов: {columns} (лист «{sheet}»).</numerusform>
        </translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Tab</source>
        <translation>табуляция</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The table has column names but no rows.</source>
        <translation>В таблице есть названия столбцов, но нет строк.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../movizor_desktop/ui/formatting.py" line="+48"/>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} min ago</source>
        <translation>{n} мин назад</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} h ago</source>
        <translation>{n} ч назад</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} d ago</source>
        <translation>{n} дн. назад</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <location filename="../../movizor_desktop/ui/map/controls.py" line="+175"/>
        <location filename="../../movizor_desktop/ui/map/playback.py" line="+256"/>
        <location filename="../../movizor_desktop/ui/map/style.py" line="+106"/>
        <location line="+81"/>
        <source>{time} MSK</source>
        <translation>{time} МСК</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{msk} ({local} local)</source>
        <translation>{msk} (местн. {local})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hours} h</source>
        <translation>{hours} ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{km} km</source>
        <translation>{km} км</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>±{km} km</source>
        <translation>±{km} км</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>±{m} m</source>
        <translation>±{m} м</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/help.py" line="+29"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every action of the window and its keys</source>
        <translation>Все действия окна и их сочетания клавиш</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Movizor Desktop</source>
        <translation>&amp;О программе Movizor Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version, licence and credits</source>
        <translation>Версия, лицензия и сведения об авторах</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/bulk_import/dialog.py" line="+90"/>
        <location line="+100"/>
        <source>Import subscribers</source>
        <translation>Импорт абонентов</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save report…</source>
        <translation>Сохранить отчёт…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Check rows</source>
        <translation>Проверить строки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add {count}</source>
        <translation>Добавить ({count})</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tables ({patterns})</source>
        <translation>Таблицы ({patterns})</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the file…</source>
        <translation>Читаем файл…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file could not be read.</source>
        <translation>Не удалось прочитать файл.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Checking the rows with Movizor…</source>
        <translation>Проверяем строки в Movizor…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The rows could not be checked; the details are in the log.</source>
        <translation>Не удалось проверить строки; подробности в журнале.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Some checks could not be made ({error}); such rows are checked by Movizor when they are sent.</source>
        <translation>Часть проверок выполнить не удалось ({error}); такие строки Movizor проверит при отправке.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The subscribers on the account could not be read, so nothing was sent: {error}</source>
        <translation>Не удалось получить абонентов договора, поэтому ничего не отправлено: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The import journal could not be written ({error}); nothing more was sent.</source>
        <translation>Не удалось записать журнал импорта ({error}); дальше ничего не отправлялось.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{added} added, {other} not added.</source>
        <translation>Добавлено: {added}, не добавлено: {other}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the report to see why.</source>
        <translation>Причины — в отчёте: сохраните его.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopping…</source>
        <translation>Останавливаем…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the import report</source>
        <translation>Сохранение отчёта об импорте</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>import-report.csv</source>
        <translation>отчёт-об-импорте.csv</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The report could not be saved: {error}</source>
        <translation>Не удалось сохранить отчёт: {error}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Report saved to {path}; rows: %n.</source>
        <translation>
            <numerusform>Отчёт сохранён в {path} (строк: %n).</numerusform>
            <numerusform>Отчёт сохранён в {path} (строк: %n).</numerusform>
            <numerusform>Отчёт сохранён в {path} (строк: %n).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTool</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/bulk_import/feature.py" line="+33"/>
        <source>&amp;Import subscribers…</source>
        <translation>&amp;Импорт абонентов…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add many subscribers from a CSV or Excel file</source>
        <translation>Добавить много абонентов из файла CSV или Excel</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Import: subscribers added: %n; the drivers get an SMS asking for consent.</source>
        <translation>
            <numerusform>Импорт: добавлено абонентов — %n; водителям придёт SMS с запросом согласия.</numerusform>
            <numerusform>Импорт: добавлено абонентов — %n; водителям придёт SMS с запросом согласия.</numerusform>
            <numerusform>Импорт: добавлено абонентов — %n; водителям придёт SMS с запросом согласия.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainPage</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/subscriber_main.py" line="+107"/>
        <source>+7 921 001-02-03</source>
        <translation>+7 921 001-02-03</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Driver&apos;s name or vehicle</source>
        <translation>Имя водителя или машина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Separate tags with commas</source>
        <translation>Метки через запятую</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tags:</source>
        <translation>&amp;Метки:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;ariff:</source>
        <translation>Та&amp;риф:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stop tracking at</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>MSK</source>
        <translation>МСК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be more than a day from now.</source>
        <translation>Не раньше чем через сутки.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Auto-off:</source>
        <translation>&amp;Автоотключение:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Empty: this account</source>
        <translation>Пусто: этот договор</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To add the subscriber into a subordinate cabinet: its client number, shown at the top right of Movizor&apos;s web cabinet.</source>
        <translation>Чтобы добавить абонента в подчинённый кабинет: его номер клиента, он виден справа вверху в личном кабинете Movizor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;ub-account:</source>
        <translation>&amp;Субаккаунт:</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{count} numbers pasted: {add} to add</source>
        <translation>Вставлено номеров: {count}, к добавлению: {add}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, {count} not valid</source>
        <translation>, неверных: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {count} repeated</source>
        <translation>, повторов: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add them all ({count})…</source>
        <translation>Добавить все ({count})…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Any format: +7 921 001-02-03, 8 921 0010203, 9210010203. Paste several numbers to add them all.</source>
        <translation>В любом формате: +7 921 001-02-03, 8 921 0010203, 9210010203. Вставьте несколько номеров, чтобы добавить их все.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Looking up the operator…</source>
        <translation>Определяем оператора…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Operator: {operator}</source>
        <translation>Оператор: {operator}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>An auto-off cannot be removed here; set a later time instead.</source>
        <translation>Автоотключение здесь нельзя убрать; укажите более позднее время.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The auto-off time is in the past.</source>
        <translation>Время автоотключения уже прошло.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The auto-off time must be more than a day from now.</source>
        <translation>Время автоотключения должно быть больше чем через сутки.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Your local time: {time}</source>
        <translation>Ваше местное время: {time}</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Enter the driver&apos;s mobile number.</source>
        <translation>Введите номер мобильного телефона водителя.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a tariff.</source>
        <translation>Выберите тариф.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A client number has digits only; leave it empty for this account.</source>
        <translation>Номер клиента состоит только из цифр; для этого договора оставьте поле пустым.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../movizor_desktop/ui/main_window.py" line="+236"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subscriber</source>
        <translation>&amp;Абонент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>С&amp;ервис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>This subscriber is no longer on the account.</source>
        <translation>Этого абонента больше нет на договоре.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <location filename="../../movizor_desktop/ui/map/style.py" line="-123"/>
        <source>Map tiles are offline — showing data only</source>
        <translation>Подложка карты недоступна — показаны только данные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click the map to pick a point · Esc cancels</source>
        <translation>Щёлкните по карте, чтобы выбрать точку · Esc — отмена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click the map to add a point · Esc stops</source>
        <translation>Щёлкните по карте, чтобы добавить точку · Esc — закончить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} m</source>
        <translation>{n} м</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} km</source>
        <translation>{n} км</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>planned {time}</source>
        <translation>план {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reached {time}</source>
        <translation>прибыл {time}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{km} left</source>
        <translation>осталось {km}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{duration} to go</source>
        <translation>в пути ещё {duration}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route: {details}</source>
        <translation>Маршрут: {details}</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+42"/>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Start {time}</source>
        <translation>Начало {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End {time}</source>
        <translation>Конец {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop {duration}</source>
        <translation>Стоянка {duration}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No positions in {period}</source>
        <translation>Нет точек за период {period}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>longest stop {duration}</source>
        <translation>самая долгая стоянка {duration}</translation>
    </message>
</context>
<context>
    <name>MapActions</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/map/actions.py" line="+75"/>
        <source>Show on &amp;map</source>
        <translation>Показать на &amp;карте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Centre the map on the selected subscriber (or double-click the row)</source>
        <translation>Показать выбранного абонента в центре карты (или дважды щёлкните по строке)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;rack</source>
        <translation>&amp;Трек</translation>
    </message>
</context>
<context>
    <name>MapCounts</name>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/map/style.py" line="-192"/>
        <source>%n positions</source>
        <translation>
            <numerusform>%n точка</numerusform>
            <numerusform>%n точки</numerusform>
            <numerusform>%n точек</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n positions here</source>
        <translation>
            <numerusform>%n точка здесь</numerusform>
            <numerusform>%n точки здесь</numerusform>
            <numerusform>%n точек здесь</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n gaps</source>
        <translation>
            <numerusform>%n пропуск</numerusform>
            <numerusform>%n пропуска</numerusform>
            <numerusform>%n пропусков</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../movizor_desktop/ui/map/panel.py" line="+133"/>
        <source>The map stopped working. Restart the application to see it again.</source>
        <translation>Карта перестала работать. Перезапустите программу, чтобы снова её увидеть.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Offline map unavailable</source>
        <translation>Офлайн-карта недоступна</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a subscriber to see its track.</source>
        <translation>Выберите абонента, чтобы увидеть его трек.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not connected: the track cannot be loaded.</source>
        <translation>Нет подключения: трек не загрузить.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the track…</source>
        <translation>Загружаем трек…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Loading the track… positions: %n</source>
        <translation>
            <numerusform>Загружаем трек… точек: %n</numerusform>
            <numerusform>Загружаем трек… точек: %n</numerusform>
            <numerusform>Загружаем трек… точек: %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not load the track: {reason}</source>
        <translation>Не удалось загрузить трек: {reason}</translation>
    </message>
</context>
<context>
    <name>MapTiles</name>
    <message>
        <location filename="../../movizor_desktop/ui/map/tiles.py" line="+237"/>
        <source>The offline map file does not exist.</source>
        <translation>Файла офлайн-карты нет.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offline map file is not an MBTiles file (not a SQLite database).</source>
        <translation>Файл офлайн-карты — не MBTiles (это не база SQLite).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The offline map file is not an MBTiles file (it has no tiles and metadata tables).</source>
        <translation>Файл офлайн-карты — не MBTiles (в нём нет таблиц tiles и metadata).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The offline map file holds vector tiles; choose a raster one (PNG, JPEG or WebP).</source>
        <translation>В файле офлайн-карты векторные тайлы; выберите растровый (PNG, JPEG или WebP).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The offline map file holds images of a kind the map cannot show; choose one with PNG, JPEG or WebP tiles.</source>
        <translation>В файле офлайн-карты изображения, которые карта не умеет показывать; выберите файл с тайлами PNG, JPEG или WebP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The offline map file holds no tiles.</source>
        <translation>В файле офлайн-карты нет ни одного тайла.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The offline map file cannot be read.</source>
        <translation>Файл офлайн-карты не читается.</translation>
    </message>
</context>
<context>
    <name>MapWindow</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/map/detached.py" line="+78"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map in a separate &amp;window</source>
        <translation>Карта в отдельном &amp;окне</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the map to a window of its own (a second monitor); again, or closing it, docks it back</source>
        <translation>Вынести карту в отдельное окно (на второй монитор); повторная команда или закрытие окна возвращает её на место</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dock the map back</source>
        <translation>Вернуть карту в главное окно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map in a separate window (Ctrl+Shift+W)</source>
        <translation>Карта в отдельном окне (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map — Movizor Desktop</source>
        <translation>Карта — Movizor Desktop</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/bulk_import/map_page.py" line="+52"/>
        <source>Choose what each column holds. Columns set to “Do not import” are left out; the choices are remembered for the next import.</source>
        <translation>Укажите, что содержится в каждом столбце. Столбцы с вариантом «Не импортировать» пропускаются; выбор запоминается для следующего импорта.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples</source>
        <translation>Примеры</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import as</source>
        <translation>Импортировать как</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tariff where the file gives none:</source>
        <translation>Тариф, если в файле не указан:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Do not import</source>
        <translation>Не импортировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tariff</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-off (date and time, MSK)</source>
        <translation>Автоотключение (дата и время, МСК)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags (comma-separated)</source>
        <translation>Метки (через запятую)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route points (“lat, lon” or addresses, separated by | or ;)</source>
        <translation>Точки маршрута («широта, долгота» или адреса через | или ;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metadata field “{name}”</source>
        <translation>Поле метаданных «{name}»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(column {n})</source>
        <translation>(столбец {n})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>none (such rows are not sent)</source>
        <translation>нет (такие строки не отправляются)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose the column with the phone numbers.</source>
        <translation>Выберите столбец с номерами телефонов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each field can come from one column only.</source>
        <translation>Каждое поле можно взять только из одного столбца.</translation>
    </message>
</context>
<context>
    <name>MetadataEditor</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/metadata.py" line="+102"/>
        <source>Add:</source>
        <translation>Добавить:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add the field {name}</source>
        <translation>Добавить поле «{name}»</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+79"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Field name</source>
        <translation>Название поля</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Field value</source>
        <translation>Значение поля</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Remove this field</source>
        <translation>Удалить это поле</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the field</source>
        <translation>Удалить поле</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Driver</source>
        <translation>Водитель</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicle</source>
        <translation>ТС</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>Перевозчик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier&apos;s INN</source>
        <translation>ИНН перевозчика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trip</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No fields. They appear in events and reports, e.g. the driver&apos;s name or the order number.</source>
        <translation>Полей нет. Они попадают в события и отчёты — например, имя водителя или номер заказа.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add field</source>
        <translation>Добавить поле</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an empty field</source>
        <translation>Добавить пустое поле</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Names up to {name} characters, values up to {value}.</source>
        <translation>Название — до {name} символов, значение — до {value}.</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Row {number}: the field needs a name.</source>
        <translation>Строка {number}: укажите название поля.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The name “{name}” is used twice (rows {first} and {second}).</source>
        <translation>Название «{name}» повторяется (строки {first} и {second}).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Row {number}: the name is {length} characters long; the limit is {limit}.</source>
        <translation>Строка {number}: в названии {length} симв., допустимо не более {limit}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Row {number}: the value is {length} characters long; the limit is {limit}.</source>
        <translation>Строка {number}: в значении {length} симв., допустимо не более {limit}.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Row {number}: a name cannot contain “[” or “]”.</source>
        <translation>Строка {number}: название не может содержать «[» или «]».</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/preferences/network.py" line="+53"/>
        <source>Use the &amp;system&apos;s proxy settings</source>
        <translation>Использовать настройки прокси &amp;системы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No proxy: connect directly</source>
        <translation>&amp;Без прокси: соединяться напрямую</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Manual proxy:</source>
        <translation>Прокси &amp;вручную:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>On Windows and macOS this includes automatic configuration (PAC); on Linux the https_proxy / no_proxy environment variables.</source>
        <translation>В Windows и macOS — включая автоматическую настройку (PAC); в Linux — переменные окружения https_proxy / no_proxy.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTPS (encrypted connection to the proxy)</source>
        <translation>HTTPS (шифрованное соединение с прокси)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. proxy.company.local</source>
        <translation>например, proxy.company.local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 3128</source>
        <translation>например, 3128</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only if the proxy asks for one</source>
        <translation>Только если прокси его требует</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept in the system password storage, never in a file.</source>
        <translation>Хранится в системном хранилище паролей, никогда не в файле.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password storage is available on this computer: the password is kept for this session only.</source>
        <translation>На этом компьютере нет хранилища паролей: пароль хранится только до закрытия программы.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Type:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connections to this computer (the demo, a local simulator) never go through a proxy. Certificates are checked against this computer&apos;s trust store, so a company certificate installed by IT is accepted.</source>
        <translation>Соединения с этим компьютером (демо, локальный симулятор) никогда не идут через прокси. Сертификаты проверяются по хранилищу сертификатов этого компьютера, поэтому сертификат компании, установленный IT, принимается.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The map cannot use an HTTPS proxy (Qt WebEngine takes HTTP and SOCKS5 only): its tiles follow the system&apos;s proxy settings.</source>
        <translation>Карта не может работать через HTTPS-прокси (Qt WebEngine поддерживает только HTTP и SOCKS5): подложка загружается по настройкам прокси системы.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved; leave empty to keep it</source>
        <translation>Сохранён; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter the proxy&apos;s host name or IP address.</source>
        <translation>Введите имя сервера прокси или его IP-адрес.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter only the host name, without http:// or a path.</source>
        <translation>Введите только имя сервера, без http:// и пути.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a valid host name or IP address.</source>
        <translation>Это не имя сервера и не IP-адрес.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the proxy&apos;s port (IT knows it; often 3128, 8080 or 1080).</source>
        <translation>Введите порт прокси (его знает IT; часто 3128, 8080 или 1080).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The port is a number from 1 to 65535.</source>
        <translation>Порт — число от 1 до 65535.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The user name must not contain “:”, “@” or “/”.</source>
        <translation>Имя пользователя не должно содержать «:», «@» или «/».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The password is too long ({count} characters).</source>
        <translation>Пароль слишком длинный ({count} симв.).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the password of this user (or leave the user empty).</source>
        <translation>Введите пароль этого пользователя (или оставьте пользователя пустым).</translation>
    </message>
</context>
<context>
    <name>OfflineMapField</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/preferences/offline_map.py" line="+40"/>
        <source>None: the tile server above</source>
        <translation>Нет: тайлы с сервера выше</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hoose…</source>
        <translation>Выб&amp;рать…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An MBTiles file of raster tiles (PNG, JPEG or WebP): the maps then need no internet. Tiles the file lacks stay blank.</source>
        <translation>Файл MBTiles с растровыми тайлами (PNG, JPEG или WebP): картам тогда не нужен интернет. Мест, которых нет в файле, карта не покажет.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose an offline map file</source>
        <translation>Выбор файла офлайн-карты</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MBTiles maps ({patterns})</source>
        <translation>Карты MBTiles ({patterns})</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The map file is still being checked.</source>
        <translation>Файл карты ещё проверяется.</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <location filename="../../movizor_desktop/ui/map/controls.py" line="-66"/>
        <source>Track:</source>
        <translation>Трек:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From (Moscow time)</source>
        <translation>С (время московское)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (Moscow time)</source>
        <translation>По (время московское)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the range (Moscow time)</source>
        <translation>Изменить период (время московское)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy circles</source>
        <translation>Погрешность</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show how far each position may be off (mobile network positions are approximate)</source>
        <translation>Показать возможную погрешность каждой точки (местоположение по сети сотовой связи приблизительное)</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/periods.py" line="+125"/>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From (MSK):</source>
        <translation>С (МСК):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (MSK):</source>
        <translation>По (МСК):</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The start must be before the end.</source>
        <translation>Начало должно быть раньше конца.</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location line="-121"/>
        <source>Off</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>За 7 дней</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom range…</source>
        <translation>Период…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Custom range</source>
        <translation>Произвольный период</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/preferences/planning.py" line="+89"/>
        <source>km/h</source>
        <translation>км/ч</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Road distance = the straight line × this factor. The default, {default}, is the mean of ten Russian city pairs&apos; road distances over their straight lines (1.06 on trunk roads to 1.32 on regional trips), and the factor the literature gives: Newell (1980) 1.2; Ballou, Rahardja and Sakai, Transportation Research A 36 (2002), 1.1–1.4 by country.</source>
        <translation>Расстояние по дорогам = прямая × этот коэффициент. По умолчанию {default}: среднее отношение дороги к прямой для десяти пар российских городов (от 1,06 на магистралях до 1,32 в региональных рейсах) и значение из литературы: Newell (1980) — 1,2; Ballou, Rahardja, Sakai, Transportation Research A 36 (2002) — 1,1–1,4 по странам.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Average truck &amp;speed:</source>
        <translation>Средняя &amp;скорость грузовика:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A loaded truck&apos;s average with its stops for fuel and traffic (default {speed} km/h). The drivers&apos; breaks and rests come on top, by the rules below.</source>
        <translation>Средняя скорость гружёного грузовика с остановками на заправку и в пробках (по умолчанию {speed} км/ч). Перерывы и отдых водителя добавляются сверху, по правилам ниже.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Detour factor:</source>
        <translation>&amp;Коэффициент извилистости:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roads are longer than the straight line: hover for the source.</source>
        <translation>Дороги длиннее прямой; откуда число — в подсказке.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Rest rules:</source>
        <translation>&amp;Правила отдыха:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The route editor judges each leg with these: can a truck at this speed, with these breaks and rests, arrive by the planned time.</source>
        <translation>По ним редактор маршрута проверяет каждый участок: успеет ли грузовик с этой скоростью, с этими перерывами и отдыхом, к плановому времени.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>File: {name}</source>
        <translation>Файл: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From a file…</source>
        <translation>Из файла…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The rule file is still being checked: a moment, please.</source>
        <translation>Файл правил ещё проверяется, подождите немного.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose a rest rule file</source>
        <translation>Выбор файла правил отдыха</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rest rules ({patterns})</source>
        <translation>Правила отдыха ({patterns})</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading the rule file…</source>
        <translation>Читаю файл правил…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This file cannot be used:</source>
        <translation>Этот файл нельзя использовать:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>These rules were in force until {date}: they have expired. Choose the rules in force now (a file, if the app has none yet).</source>
        <translation>Эти правила действовали до {date} и больше не действуют. Выберите действующие (файлом, если в программе их ещё нет).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These rules come into force on {date}.</source>
        <translation>Эти правила вступают в силу {date}.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>In force until {date} (%n day(s) left).</source>
        <translation>
            <numerusform>Действуют до {date} (остался %n день).</numerusform>
            <numerusform>Действуют до {date} (осталось %n дня).</numerusform>
            <numerusform>Действуют до {date} (осталось %n дней).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In force with no end date.</source>
        <translation>Действуют бессрочно.</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location filename="../../movizor_desktop/ui/map/playback.py" line="-145"/>
        <source>Playback speed: seconds of the track per second</source>
        <translation>Скорость воспроизведения: секунд трека в секунду</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip stops</source>
        <translation>Пропускать стоянки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass the time the truck stood still (15 min or more) or was silent at once</source>
        <translation>Сразу проскакивать время, когда машина стояла (15 мин и дольше) или не выходила на связь</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Previous stop</source>
        <translation>Предыдущая стоянка</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Next stop</source>
        <translation>Следующая стоянка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow</source>
        <translation>Следить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the moving point in view</source>
        <translation>Держать движущуюся точку в поле зрения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position in the track</source>
        <translation>Позиция в треке</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the track</source>
        <translation>Воспроизвести трек</translation>
    </message>
</context>
<context>
    <name>PositionWatch</name>
    <message>
        <location filename="../../movizor_desktop/ui/position_watch.py" line="+62"/>
        <source>{name}: the requested position arrived — {where}, {time}.</source>
        <translation>{name}: запрошенное местоположение получено — {where}, {time}.</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/preferences/feature.py" line="+51"/>
        <source>&amp;Preferences…</source>
        <translation>Настро&amp;йки…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language, refresh interval, low-balance warning, map tiles, offline map, trip planning, proxy</source>
        <translation>Язык интерфейса, интервал обновления, порог низкого баланса, подложка карты, офлайн-карта, планирование рейсов, прокси</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The new interface language is used from the next start of the app.</source>
        <translation>Новый язык интерфейса будет применён при следующем запуске программы.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preferences saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/preferences/dialog.py" line="+89"/>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Takes effect after a restart of the app.</source>
        <translation>Вступит в силу после перезапуска программы.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>seconds</source>
        <translation>сек.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minutes</source>
        <translation>мин.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Interface &amp;language:</source>
        <translation>&amp;Язык интерфейса:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh interval:</source>
        <translation>&amp;Интервал обновления:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From 15 seconds to 60 minutes.</source>
        <translation>От 15 секунд до 60 минут.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Low-&amp;balance warning below:</source>
        <translation>Порог низкого &amp;баланса:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Map &amp;tile server:</source>
        <translation>Сервер &amp;подложки карты:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An http(s) address with {z}, {x} and {y} in it, e.g. the default:</source>
        <translation>Адрес http(s), содержащий {z}, {x} и {y}, например стандартный:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Map &amp;attribution:</source>
        <translation>&amp;Атрибуция подложки:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The credit the tile provider requires, shown in the corner of the map (plain text or HTML).</source>
        <translation>Указание авторства, которого требует поставщик подложки; показывается в углу карты (обычный текст или HTML).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Offline map:</source>
        <translation>Офлайн-&amp;карта:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Restore &amp;defaults</source>
        <translation>&amp;Восстановить по умолчанию</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;General</source>
        <translation>&amp;Общие</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Planning</source>
        <translation>П&amp;ланирование</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net&amp;work</source>
        <translation>С&amp;еть</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Enter the address of the tile server.</source>
        <translation>Введите адрес сервера подложки.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address must start with http:// or https://.</source>
        <translation>Адрес должен начинаться с http:// или https://.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address must contain {z}, {x} and {y} (zoom, column and row of a tile).</source>
        <translation>Адрес должен содержать {z}, {x} и {y} (масштаб, столбец и строку плитки).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is not a valid web address.</source>
        <translation>Это неправильный веб-адрес.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter the credit this tile server requires: most providers&apos; terms of use demand it.</source>
        <translation>Укажите авторство, которого требует этот сервер подложки: этого требуют условия использования большинства поставщиков.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The preferences could not be saved: {error}</source>
        <translation>Не удалось сохранить настройки: {error}</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/bulk_import/preview.py" line="+83"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tariff</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not sent.</source>
        <translation>Не отправлен.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adding…</source>
        <translation>Добавление…</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message numerus="yes">
        <location line="+85"/>
        <source>Ready to add: %n.</source>
        <translation>
            <numerusform>Готово к добавлению: %n.</numerusform>
            <numerusform>Готово к добавлению: %n.</numerusform>
            <numerusform>Готово к добавлению: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>With errors (not sent): %n.</source>
        <translation>
            <numerusform>С ошибками: %n (не отправляются).</numerusform>
            <numerusform>С ошибками: %n (не отправляются).</numerusform>
            <numerusform>С ошибками: %n (не отправляются).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Repeated numbers (not sent): %n.</source>
        <translation>
            <numerusform>Повторяющихся номеров: %n (не отправляются).</numerusform>
            <numerusform>Повторяющихся номеров: %n (не отправляются).</numerusform>
            <numerusform>Повторяющихся номеров: %n (не отправляются).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Already on the account (not sent): %n.</source>
        <translation>
            <numerusform>Уже есть на договоре: %n (не отправляются).</numerusform>
            <numerusform>Уже есть на договоре: %n (не отправляются).</numerusform>
            <numerusform>Уже есть на договоре: %n (не отправляются).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Control characters replaced with spaces in %n rows.</source>
        <translation>
            <numerusform>Управляющие символы заменены пробелами в %n строке.</numerusform>
            <numerusform>Управляющие символы заменены пробелами в %n строках.</numerusform>
            <numerusform>Управляющие символы заменены пробелами в %n строках.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Operators not checked (the hour&apos;s request budget): %n; Movizor checks them as they are added.</source>
        <translation>
            <numerusform>Операторы не проверены (лимит запросов в час): %n; Movizor проверит их при добавлении.</numerusform>
            <numerusform>Операторы не проверены (лимит запросов в час): %n; Movizor проверит их при добавлении.</numerusform>
            <numerusform>Операторы не проверены (лимит запросов в час): %n; Movizor проверит их при добавлении.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%v of %m</source>
        <translation>%v из %m</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/printing/feature.py" line="+79"/>
        <source>&amp;Print the subscriber list…</source>
        <translation>&amp;Печать списка абонентов…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscriber &amp;list as PDF…</source>
        <translation>&amp;Список абонентов в PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a tr&amp;ip report…</source>
        <translation>Печать отчёта о &amp;рейсе…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trip rep&amp;ort as PDF…</source>
        <translation>От&amp;чёт о рейсе в PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route plan against the fact, track summary and map of the selected subscriber</source>
        <translation>План и факт по маршруту, сводка по треку и карта выбранного абонента</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Page {page} of {pages}</source>
        <translation>Страница {page} из {pages}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+111"/>
        <source>Save as PDF</source>
        <translation>Сохранить как PDF</translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+113"/>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
    <message numerus="yes">
        <location line="-90"/>
        <source>Saved {path} (%n page(s))</source>
        <translation>
            <numerusform>Сохранено: {path} (%n страница)</numerusform>
            <numerusform>Сохранено: {path} (%n страницы)</numerusform>
            <numerusform>Сохранено: {path} (%n страниц)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing to print: no subscriber is shown in the list.</source>
        <translation>Нечего печатать: в списке нет ни одного абонента.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subscribers</source>
        <translation>Абоненты</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n subscriber(s)</source>
        <translation>
            <numerusform>%n абонент</numerusform>
            <numerusform>%n абонента</numerusform>
            <numerusform>%n абонентов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>filtered: {filter}</source>
        <translation>отбор: {filter}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>tag {tag}</source>
        <translation>метка «{tag}»</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+31"/>
        <source>Trip report</source>
        <translation>Отчёт о рейсе</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Track period for the report of {name}:</source>
        <translation>Период трека для отчёта по абоненту {name}:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Preparing the trip report…</source>
        <translation>Готовим отчёт о рейсе…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Trip report ready for printing.</source>
        <translation>Отчёт о рейсе готов к печати.</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/connection_form.py" line="-62"/>
        <source>e.g. Main contract</source>
        <translation>например, Основной договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile &amp;name:</source>
        <translation>&amp;Название профиля:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>API &amp;address:</source>
        <translation>&amp;Адрес API:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Project:</source>
        <translation>&amp;Проект:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API &amp;key:</source>
        <translation>&amp;Ключ API:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>POST (recommended: the key stays out of URLs)</source>
        <translation>POST (рекомендуется: ключ не попадает в адрес)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET</source>
        <translation>GET</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request &amp;method:</source>
        <translation>&amp;Метод запросов:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check connection</source>
        <translation>Про&amp;верить подключение</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/qt_gaps.py" line="+22"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Перейти к:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location line="+1"/>
        <source>Page &amp;Set:</source>
        <translation>&amp;Список страниц:</translation>
    </message>
</context>
<context>
    <name>ResultsPopup</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/geocode.py" line="-165"/>
        <source>Addresses found</source>
        <translation>Найденные адреса</translation>
    </message>
</context>
<context>
    <name>RouteDelegate</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/arrival.py" line="+31"/>
        <source>Coordinates, latitude and longitude</source>
        <translation>Координаты: широта и долгота</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>55.7558, 37.6173</source>
        <translation>55.7558, 37.6173</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Point name</source>
        <translation>Название точки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Warehouse in Kazan</source>
        <translation>например, Склад в Казани</translation>
    </message>
</context>
<context>
    <name>RouteEditor</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/route_map_link.py" line="+83"/>
        <source>Pick on map</source>
        <translation>Указать на карте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add points by clicking the map</source>
        <translation>Добавлять точки щелчком по карте</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each click on the map adds a point; Esc or a second press stops.</source>
        <translation>Каждый щелчок по карте добавляет точку; Esc или повторное нажатие — закончить.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Click the map to add a point; Esc stops.</source>
        <translation>Щёлкните по карте, чтобы добавить точку; Esc — закончить.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Point {number} moved to {coords}.</source>
        <translation>Точка {number} перенесена: {coords}.</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/editors/route.py" line="+100"/>
        <source>Route points</source>
        <translation>Точки маршрута</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add point</source>
        <translation>Добавить точку</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an empty point</source>
        <translation>Добавить пустую точку</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected point</source>
        <translation>Удалить выбранную точку</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the point up</source>
        <translation>Переместить точку выше</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the point down</source>
        <translation>Переместить точку ниже</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>The picked point is outside the map: {coords}.</source>
        <translation>Выбранная точка вне карты: {coords}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Point {number} added: {name}</source>
        <translation>Точка {number} добавлена: {name}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The first leg starts at the subscriber&apos;s last position ({where}, {time} MSK).</source>
        <translation>Первый отрезок начинается от последнего местоположения абонента ({where}, {time} МСК).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first leg starts at the subscriber&apos;s last position ({where}).</source>
        <translation>Первый отрезок начинается от последнего местоположения абонента ({where}).</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The rest rule file {name} cannot be used now: the forecasts follow the shipped default rules. Choose the rules again in Preferences → Planning.</source>
        <translation>Файл правил отдыха {name} сейчас нельзя использовать: прогноз идёт по стандартным правилам программы. Выберите правила заново в «Настройки → Планирование».</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Point {number} set: {name}</source>
        <translation>Точка {number}: {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Point {number}: {message}</source>
        <translation>Точка {number}: {message}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Point {number}: enter a name.</source>
        <translation>Точка {number}: введите название.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Point {number}: set the coordinates — search the address, paste them or pick on the map.</source>
        <translation>Точка {number}: задайте координаты — найдите адрес, вставьте координаты или укажите точку на карте.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Point {number}: the arrival time {time} MSK has already passed.</source>
        <translation>Точка {number}: время прибытия {time} МСК уже прошло.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Point {number}: the arrival must be later than at point {previous}.</source>
        <translation>Точка {number}: прибытие должно быть позже, чем в точку {previous}.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No points yet: find an address, paste coordinates or pick on the map.</source>
        <translation>Точек пока нет: найдите адрес, вставьте координаты или укажите точку на карте.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n точка</numerusform>
            <numerusform>%n точки</numerusform>
            <numerusform>%n точек</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{km} in a straight line</source>
        <translation>{km} по прямой</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>breaks and rests counted: {breaks}, {rests}</source>
        <translation>учтены перерывы и отдых: {breaks}, {rests}</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n leg(s) late</source>
        <translation>
            <numerusform>%n участок с опозданием</numerusform>
            <numerusform>%n участка с опозданием</numerusform>
            <numerusform>%n участков с опозданием</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n leg(s) tight</source>
        <translation>
            <numerusform>%n участок впритык</numerusform>
            <numerusform>%n участка впритык</numerusform>
            <numerusform>%n участков впритык</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forecast at {speed} km/h on average, roads {factor} × the straight line, with the breaks and rests of “{rules}” (Preferences → Planning).</source>
        <translation>Прогноз при средней скорости {speed} км/ч, дороги — прямая × {factor}, с перерывами и отдыхом по правилам «{rules}» (Настройки → Планирование).</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/editors/route_table.py" line="+68"/>
        <source>Enter the coordinates as “latitude, longitude”.</source>
        <translation>Введите координаты в виде «широта, долгота».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two numbers are needed: latitude and longitude, e.g. “55.7558, 37.6173”.</source>
        <translation>Нужны два числа — широта и долгота, например «55.7558, 37.6173».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Minutes and seconds must be below 60.</source>
        <translation>Минуты и секунды должны быть меньше 60.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The latitude must be between −90 and 90.</source>
        <translation>Широта должна быть от −90 до 90.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The longitude must be between −180 and 180.</source>
        <translation>Долгота должна быть от −180 до 180.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give one latitude (N/S) and one longitude (E/W).</source>
        <translation>Укажите одну широту (N/S) и одну долготу (E/W).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This map link holds no point. Open the point on the map and copy the link again.</source>
        <translation>В этой ссылке нет точки. Откройте точку на карте и скопируйте ссылку заново.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These are not coordinates. Use “55.7558, 37.6173”, “55°45&apos;20.9&quot;N 37°37&apos;02.3&quot;E” or a map link.</source>
        <translation>Это не координаты. Используйте формат «55.7558, 37.6173», «55°45&apos;20.9&quot;N 37°37&apos;02.3&quot;E» или ссылку на карту.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{speed} km/h</source>
        <translation>{speed} км/ч</translation>
    </message>
</context>
<context>
    <name>RouteMap</name>
    <message>
        <location filename="../../movizor_desktop/ui/map/route_map.py" line="+291"/>
        <source>Route map</source>
        <translation>Карта маршрута</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tight</source>
        <translation>впритык</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>on time</source>
        <translation>успевает</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>late</source>
        <translation>опаздывает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no time</source>
        <translation>нет времени</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Legs:</source>
        <translation>Отрезки:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag a point to move it; right-click a leg to add a point there.</source>
        <translation>Перетащите точку, чтобы перенести её; щелчок правой кнопкой по отрезку добавляет на нём точку.</translation>
    </message>
</context>
<context>
    <name>RouteModel</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/route_table.py" line="+63"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinates</source>
        <translation>Координаты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival, MSK</source>
        <translation>Прибытие, МСК</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distance</source>
        <translation>Расст.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Local time</source>
        <translation>Местное</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Avg speed</source>
        <translation>Ср. скорость</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Latitude, longitude. Paste them in any common format or a Yandex / Google map link.</source>
        <translation>Широта, долгота. Вставьте их в любом распространённом формате или ссылку на Яндекс Карты / Google Maps.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned arrival in Moscow time. Delete clears it.</source>
        <translation>Плановое прибытие по московскому времени. Delete — очистить.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same moment in this computer&apos;s time zone ({zone}).</source>
        <translation>То же время в часовом поясе этого компьютера ({zone}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Great-circle distance from the previous point; by road it is longer.</source>
        <translation>Расстояние по прямой от предыдущей точки; по дорогам оно больше.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time the plan allows for this leg.</source>
        <translation>Время на этот отрезок по плану.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average speed in a straight line the plan requires.</source>
        <translation>Средняя скорость по прямой, которую требует план.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whether a truck arrives by the planned time at the average speed of the Preferences, with the drivers&apos; breaks and rests of the chosen rules.</source>
        <translation>Успеет ли грузовик к плановому времени со средней скоростью из настроек, с перерывами и отдыхом водителя по выбранным правилам.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The point&apos;s status as Movizor reports it.</source>
        <translation>Статус точки, как его сообщает Мовизор.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>on time</source>
        <translation>успевает</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tight</source>
        <translation>впритык</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>late by {time}</source>
        <translation>опоздание {time}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>≈ {time}</source>
        <translation>≈ {time}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>On time: at {speed} km/h on average the truck arrives at {arrival} MSK.</source>
        <translation>Успевает: при средней скорости {speed} км/ч грузовик прибудет {arrival} МСК.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tight: at {speed} km/h on average the truck arrives at {arrival} MSK, {late} late; only {needed} on average keeps the plan.</source>
        <translation>Впритык: при средней скорости {speed} км/ч грузовик прибудет {arrival} МСК, с опозданием {late}; успеть можно только в среднем на {needed}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Late by {late}: at {speed} km/h on average the truck arrives at {arrival} MSK, and no legal speed keeps the plan (trucks: at most {limit} km/h outside towns).</source>
        <translation>Опоздание {late}: при средней скорости {speed} км/ч грузовик прибудет {arrival} МСК, и с разрешённой скоростью не успеть (грузовикам вне населённых пунктов — не больше {limit} км/ч).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No planned time: at {speed} km/h on average the truck arrives at about {arrival} MSK.</source>
        <translation>Планового времени нет: при средней скорости {speed} км/ч грузовик прибудет около {arrival} МСК.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counted: {road} by road (the straight line × {factor}), {driving} of driving, {breaks} and {rests} under “{rules}”.</source>
        <translation>Учтено: {road} по дорогам (прямая × {factor}), {driving} за рулём, {breaks} и {rests} по правилам «{rules}».</translation>
    </message>
    <message numerus="yes">
        <location line="-35"/>
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n перерыв</numerusform>
            <numerusform>%n перерыва</numerusform>
            <numerusform>%n перерывов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n daily rest(s)</source>
        <translation>
            <numerusform>%n ежедневный отдых</numerusform>
            <numerusform>%n ежедневных отдыха</numerusform>
            <numerusform>%n ежедневных отдыхов</numerusform>
        </translation>
    </message>
    <message>
        <location line="-27"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>RuleProblems</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/preferences/planning.py" line="+28"/>
        <source>The file cannot be read: {detail}</source>
        <translation>Файл не читается: {detail}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is too big for a rule set (over 256 KB).</source>
        <translation>Файл слишком велик для набора правил (больше 256 КБ).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is not JSON text (line {line}, column {column}).</source>
        <translation>Файл — не текст JSON (строка {line}, позиция {column}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is not JSON text in UTF-8.</source>
        <translation>Файл — не текст JSON в UTF-8.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file holds no JSON object.</source>
        <translation>В файле нет объекта JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a rest rule set: &quot;format&quot; must be &quot;movizor-rest-rules&quot;.</source>
        <translation>Это не набор правил отдыха: «format» должен быть «movizor-rest-rules».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This version of the rule set format is not supported (the app reads 1).</source>
        <translation>Эта версия формата правил не поддерживается (программа читает версию 1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{field}” is missing.</source>
        <translation>Нет поля «{field}».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{field}” has a value of the wrong kind.</source>
        <translation>У поля «{field}» значение не того типа.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{field}” is out of range: 1 to 10,080 minutes, at most 24 h of driving a day.</source>
        <translation>«{field}» вне допустимого: от 1 до 10 080 минут, не больше 24 ч вождения в сутки.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{field}” is too long.</source>
        <translation>«{field}» слишком длинное.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“valid_until” must be later than “valid_from”.</source>
        <translation>«valid_until» должна быть позже «valid_from».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{field}”: the working day cannot be shorter than its driving.</source>
        <translation>«{field}»: рабочий день не может быть короче времени вождения в нём.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{field}” is not a date (YYYY-MM-DD).</source>
        <translation>«{field}» — не дата (ГГГГ-ММ-ДД).</translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/schedule.py" line="+93"/>
        <source>Mon</source>
        <translation>Пн</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Вт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Чт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Пт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Вс</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Monday</source>
        <translation>Понедельник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuesday</source>
        <translation>Вторник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday</source>
        <translation>Среда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thursday</source>
        <translation>Четверг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friday</source>
        <translation>Пятница</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturday</source>
        <translation>Суббота</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>Воскресенье</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Request positions on {day}</source>
        <translation>{day}: запрашивать местоположение</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mon–Fri 9–18, every 2 h</source>
        <translation>Пн–Пт 9–18, каждые 2 ч</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily at 8:00 and 20:00</source>
        <translation>Ежедневно в 8:00 и 20:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mon–Fri hourly 8–20</source>
        <translation>Пн–Пт ежечасно 8–20</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working days at 9:00, 11:00, 13:00, 15:00 and 17:00</source>
        <translation>По будням в 9:00, 11:00, 13:00, 15:00 и 17:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every day at 8:00 and 20:00</source>
        <translation>Каждый день в 8:00 и 20:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working days every hour from 8:00 to 20:00</source>
        <translation>По будням каждый час с 8:00 до 20:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No scheduled requests</source>
        <translation>Без запросов по расписанию</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Request times, Moscow time</source>
        <translation>Время запросов, московское</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>hh:mm, e.g. 9:00</source>
        <translation>чч:мм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to add, Moscow time</source>
        <translation>Добавляемое время, московское</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the time</source>
        <translation>Добавить время</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected times</source>
        <translation>Удалить выбранное время</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next scheduled requests</source>
        <translation>Ближайшие запросы по расписанию</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Request times (MSK):</source>
        <translation>Время запросов (МСК):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next requests (MSK):</source>
        <translation>Ближайшие запросы (МСК):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Weekdays:</source>
        <translation>Дни недели:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quick choice:</source>
        <translation>Быстрый выбор:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Movizor does not report the schedule. Shown is the one saved from this computer on {when}; a change made elsewhere would not show here.</source>
        <translation>Movizor не сообщает расписание. Показано расписание, сохранённое с этого компьютера {when}; изменение, сделанное в другом месте, здесь не видно.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Movizor does not report the schedule, and none was saved from this computer: the subscriber may have one set elsewhere. A schedule saved here replaces it.</source>
        <translation>Movizor не сообщает расписание, а с этого компьютера оно не сохранялось: у абонента может быть расписание, заданное в другом месте. Расписание, сохранённое здесь, заменит его.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Type a time as hh:mm, e.g. 9:00.</source>
        <translation>Введите время в формате чч:мм, например 9:00.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{text}” is not a time of day; type it as hh:mm, e.g. 9:00 or 18:30.</source>
        <translation>«{text}» — не время суток; введите его в формате чч:мм, например 9:00 или 18:30.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Already in the list: {times}.</source>
        <translation>Уже в списке: {times}.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Choose the weekdays for the request times.</source>
        <translation>Выберите дни недели для запросов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add at least one request time for the chosen weekdays.</source>
        <translation>Добавьте хотя бы одно время запроса для выбранных дней.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{text}” was typed but not added: press Add or clear the field.</source>
        <translation>«{text}» введено, но не добавлено: нажмите «Добавить» или очистите поле.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No requests: choose weekdays and times.</source>
        <translation>Запросов нет: выберите дни недели и время.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{when} (today)</source>
        <translation>{when} (сегодня)</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>On the manual tariff each scheduled request costs {price} — about {week} a week (%n request(s)).</source>
        <translation>
            <numerusform>На тарифе «Вручную» каждый запрос по расписанию стоит {price} — около {week} в неделю (%n запрос).</numerusform>
            <numerusform>На тарифе «Вручную» каждый запрос по расписанию стоит {price} — около {week} в неделю (%n запроса).</numerusform>
            <numerusform>На тарифе «Вручную» каждый запрос по расписанию стоит {price} — около {week} в неделю (%n запросов).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShareFormDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/client_links/form.py" line="+93"/>
        <source>New client link</source>
        <translation>Новая ссылка для клиента</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Subscribers:</source>
        <translation>Абоненты:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Romashka LLC</source>
        <translation>например, ООО «Ромашка»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Client:</source>
        <translation>&amp;Клиент:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;omments:</source>
        <translation>Ко&amp;мментарий:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>client@example.ru</source>
        <translation>client@example.ru</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Movizor sends the link to these addresses; separate several with spaces. Optional.</source>
        <translation>Movizor отправит ссылку на эти адреса; несколько адресов разделяйте пробелами. Необязательно.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Access until</source>
        <translation>&amp;Доступ до</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Only tracked subscribers can be shared; tracked now: {active} of {count} chosen.</source>
        <translation>Поделиться можно только отслеживаемыми абонентами; сейчас отслеживаются {active} из {count} выбранных.</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>MSK</source>
        <translation>МСК</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Moscow time. Without it the link works until you delete it.</source>
        <translation>Время московское. Если не указано, ссылка действует, пока вы её не удалите.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests per &amp;day:</source>
        <translation>Запросов в &amp;сутки:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many times a day the client may ask for the positions of all these subscribers. Empty or 0: no limit.</source>
        <translation>Сколько раз в сутки клиент может запросить местоположение всех этих абонентов. Пусто или 0 — без ограничений.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create link</source>
        <translation>Создать ссылку</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>and {count} more</source>
        <translation>и ещё {count}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No subscribers are selected.</source>
        <translation>Абоненты не выбраны.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«{value}» — не адрес эл. почты.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The end of access must be in the future.</source>
        <translation>Окончание доступа должно быть в будущем.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a whole number of requests (0 or more), or leave it empty.</source>
        <translation>Введите целое число запросов (0 или больше) или оставьте поле пустым.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select subscribers in the list first.</source>
        <translation>Сначала выберите абонентов в списке.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Creating the link…</source>
        <translation>Создаём ссылку…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
</context>
<context>
    <name>ShareTableModel</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/client_links/table.py" line="+44"/>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribers</source>
        <translation>Абоненты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests today</source>
        <translation>Запросов сегодня</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access until</source>
        <translation>Доступ до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{used} of {limit}</source>
        <translation>{used} из {limit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{used} (no limit)</source>
        <translation>{used} (без ограничений)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no name)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>until deleted</source>
        <translation>до удаления</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Expired</source>
        <translation>Истекла</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access through this link ended at {time}.</source>
        <translation>Доступ по этой ссылке закончился {time}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access ends at {time}.</source>
        <translation>Доступ закончится {time}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The link works until it is deleted.</source>
        <translation>Ссылка действует, пока её не удалят.</translation>
    </message>
</context>
<context>
    <name>SharesDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/client_links/dialog.py" line="+61"/>
        <source>Client links</source>
        <translation>Ссылки для клиентов</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+46"/>
        <source>&amp;New link…</source>
        <translation>&amp;Новая ссылка…</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>&amp;Copy link</source>
        <translation>&amp;Копировать ссылку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open in browser</source>
        <translation>&amp;Открыть в браузере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>&amp;New link for the selected (%n)…</source>
        <translation>
            <numerusform>&amp;Новая ссылка для выбранных (%n)…</numerusform>
            <numerusform>&amp;Новая ссылка для выбранных (%n)…</numerusform>
            <numerusform>&amp;Новая ссылка для выбранных (%n)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+95"/>
        <source>Link created; subscribers shown: %n. Copy it or open it below.</source>
        <translation>
            <numerusform>Ссылка создана, абонентов в ней: %n. Скопируйте или откройте её кнопками ниже.</numerusform>
            <numerusform>Ссылка создана, абонентов в ней: %n. Скопируйте или откройте её кнопками ниже.</numerusform>
            <numerusform>Ссылка создана, абонентов в ней: %n. Скопируйте или откройте её кнопками ниже.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-74"/>
        <source>The client will no longer see the map of its subscribers (%n). This cannot be undone; a new link would have a different address.</source>
        <translation>
            <numerusform>Клиент больше не увидит своих абонентов на карте (абонентов: %n). Это действие нельзя отменить: у новой ссылки будет другой адрес.</numerusform>
            <numerusform>Клиент больше не увидит своих абонентов на карте (абонентов: %n). Это действие нельзя отменить: у новой ссылки будет другой адрес.</numerusform>
            <numerusform>Клиент больше не увидит своих абонентов на карте (абонентов: %n). Это действие нельзя отменить: у новой ссылки будет другой адрес.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Select the subscribers to share in the list first.</source>
        <translation>Сначала выберите в списке абонентов, которыми хотите поделиться.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Loading client links…</source>
        <translation>Загружаем ссылки для клиентов…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no client links yet. Select subscribers in the list and choose Subscriber → Share with a client… to give a client a map of them.</source>
        <translation>Ссылок для клиентов пока нет. Чтобы клиент видел абонентов на карте, выберите их в списке и нажмите «Абонент → Поделиться с клиентом…».</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The links could not be loaded.</source>
        <translation>Не удалось загрузить ссылки.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The client links could not be loaded: {error}</source>
        <translation>Не удалось загрузить ссылки для клиентов: {error}</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Link copied: {url}</source>
        <translation>Ссылка скопирована: {url}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The link could not be opened in a browser; copy it instead.</source>
        <translation>Не удалось открыть ссылку в браузере — скопируйте её.</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Delete client link?</source>
        <translation>Удалить ссылку для клиента?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the link for {client}?</source>
        <translation>Удалить ссылку для клиента «{client}»?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete link</source>
        <translation>Удалить ссылку</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deleting the link…</source>
        <translation>Удаляем ссылку…</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>The link could not be deleted: {error}</source>
        <translation>Не удалось удалить ссылку: {error}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The link for {client} was deleted.</source>
        <translation>Ссылка для клиента «{client}» удалена.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/help.py" line="-170"/>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+16"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Find an action or a key…</source>
        <translation>Найти действие или клавишу…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a shortcut</source>
        <translation>Поиск сочетания клавиш</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/route_templates.py" line="+41"/>
        <source>Load route template</source>
        <translation>Загрузка шаблона маршрута</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First planned arrival, Moscow time</source>
        <translation>Первое плановое прибытие, время московское</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First planned arrival (MSK):</source>
        <translation>Первое плановое прибытие (МСК):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The times of “{name}” will be counted from this moment.</source>
        <translation>Время в шаблоне «{name}» будет отсчитываться от этого момента.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../movizor_desktop/ui/statusbar.py" line="+138"/>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo mode: a built-in simulator of Movizor with invented drivers. Nothing is sent to Movizor and no money is spent.</source>
        <translation>Демо-режим: встроенный имитатор Movizor с вымышленными водителями. В Movizor ничего не отправляется, деньги не списываются.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key kept for this session only</source>
        <translation>Ключ хранится только до закрытия программы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password manager is available on this computer, so the API key is kept in memory only. You will be asked for it again after restarting the app.</source>
        <translation>На этом компьютере нет хранилища паролей, поэтому ключ API хранится только в памяти. После перезапуска программы его нужно будет ввести снова.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Balance: —</source>
        <translation>Баланс: —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The balance is not known yet.</source>
        <translation>Баланс пока неизвестен.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Balance: {amount}</source>
        <translation>Баланс: {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>credit {amount}</source>
        <translation>кредит {amount}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Money on the Movizor contract.</source>
        <translation>Средства на договоре Movizor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The balance is below {limit}: top up the contract so tracking does not stop.</source>
        <translation>Баланс ниже {limit}: пополните договор, чтобы отслеживание не остановилось.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+42"/>
        <source>Not connected</source>
        <translation>Нет подключения</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>● Online</source>
        <translation>● В сети</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected. Last sync: {time}.</source>
        <translation>Подключено. Последнее обновление: {time}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected.</source>
        <translation>Подключено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting to Movizor.</source>
        <translation>Подключаемся к Movizor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>● Offline since {time}</source>
        <translation>● Нет связи с {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Offline</source>
        <translation>● Нет связи</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Movizor cannot be reached; the list shows the last known data and updates by itself once the connection is back.</source>
        <translation>Movizor недоступен; в списке последние известные данные, они обновятся сами, когда связь восстановится.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Key refused — change…</source>
        <translation>⚠ Ключ не принят — изменить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Movizor refused the project or API key. Click to open the connection settings.</source>
        <translation>Movizor не принял имя проекта или ключ API. Нажмите, чтобы открыть настройки подключения.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Requests: {used} used, {left} left of {limit}/h</source>
        <translation>Запросы: {used} из {limit} в час, осталось {left}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Movizor allows {limit} API requests an hour; left this hour: {left}. The app slows its refresh down when few are left.</source>
        <translation>Movizor разрешает {limit} запросов к API в час; в этом часе осталось {left}. Когда запросов остаётся мало, программа обновляет данные реже.</translation>
    </message>
</context>
<context>
    <name>SubscriberDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/subscriber.py" line="+119"/>
        <source>Add subscriber</source>
        <translation>Добавить абонента</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit subscriber</source>
        <translation>Изменить абонента</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>The current settings could not be loaded: {error} What is shown may be out of date.</source>
        <translation>Не удалось загрузить текущие настройки: {error} Показанное может быть устаревшим.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Loading the subscriber&apos;s current settings…</source>
        <translation>Загружаем текущие настройки абонента…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The switch is cancelled; the tariff stays {tariff}.</source>
        <translation>Смена отменена; остаётся тариф {tariff}.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the route</source>
        <translation>маршрут</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the schedule</source>
        <translation>расписание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the metadata</source>
        <translation>метаданные</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved, but Movizor kept {what}: it does not take an empty value for them from here. Remove them in Movizor&apos;s web cabinet, or replace them with other values.</source>
        <translation>Сохранено, но Movizor оставил: {what} — пустое значение отсюда он не принимает. Удалите это в личном кабинете Movizor или замените другими значениями.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add {count}…</source>
        <translation>Добавить ({count})…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
</context>
<context>
    <name>SubscriberList</name>
    <message>
        <location filename="../../movizor_desktop/ui/subscribers/view.py" line="+162"/>
        <source>Search: phone, name, tag or place (Ctrl+F)</source>
        <translation>Поиск: телефон, название, метка или место (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type to filter the list; Esc clears, ↓ goes to the list</source>
        <translation>Начните вводить, чтобы отфильтровать список; Esc очищает, ↓ — к списку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search subscribers</source>
        <translation>Поиск абонентов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag filter</source>
        <translation>Отбор по метке</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscribers</source>
        <translation>Абоненты</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Активные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting</source>
        <translation>Ожидают</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>Отключены</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every subscriber</source>
        <translation>Все абоненты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent given: positions arrive</source>
        <translation>Согласие получено: местоположение приходит</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added, waiting for the driver&apos;s consent SMS answer</source>
        <translation>Добавлены, ждём ответа водителя на SMS с запросом согласия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused, no answer, operator errors, restricted lines</source>
        <translation>Отказ, нет ответа, ошибки оператора, ограничения на номере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switched off or being switched off</source>
        <translation>Отключены или отключаются</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{group} {count}</source>
        <translation>{group} {count}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>tag “{tag}”</source>
        <translation>метке «{tag}»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing found in {filter} — &lt;a href=&quot;all&quot;&gt;show all&lt;/a&gt;</source>
        <translation>В фильтре {filter} ничего не найдено — &lt;a href=&quot;all&quot;&gt;показать всех&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>SubscriberModel</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/exports/feature.py" line="-19"/>
        <location filename="../../movizor_desktop/ui/subscribers/cells.py" line="+66"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/subscribers/cells.py" line="+1"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tariff</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last fix</source>
        <translation>Последняя точка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Km left</source>
        <translation>Осталось км</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast</source>
        <translation>Прогноз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last fix</source>
        <comment>list column header, short</comment>
        <translation>Посл. точка</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The driver&apos;s mobile number</source>
        <translation>Мобильный номер водителя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name or trip given when adding</source>
        <translation>Название или рейс, указанные при добавлении</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking status at the operator</source>
        <translation>Статус отслеживания у оператора</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often positions are taken</source>
        <translation>Как часто определяется местоположение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the last position was determined (Moscow time in the tooltip)</source>
        <translation>Когда местоположение определялось в последний раз (время МСК — в подсказке)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the last position was</source>
        <translation>Где было последнее местоположение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kilometres left to the destination</source>
        <translation>Сколько километров осталось до пункта назначения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival forecast for the route</source>
        <translation>Прогноз прибытия по маршруту</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags for grouping and filtering</source>
        <translation>Метки для группировки и отбора</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No position yet.</source>
        <translation>Местоположение ещё не определялось.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Time left: {time}</source>
        <translation>Осталось: {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Switches to “{new}” at 00:00 MSK.</source>
        <translation>В 00:00 МСК сменится на «{new}».</translation>
    </message>
</context>
<context>
    <name>TariffField</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/subscriber_tariff.py" line="+63"/>
        <source>Choose a tariff</source>
        <translation>Выберите тариф</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Activate now (charged from today)</source>
        <translation>Включить сразу (оплата с сегодняшнего дня)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel the switch</source>
        <translation>Отменить смену тарифа</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Renew the package automatically every month</source>
        <translation>Продлевать пакет автоматически каждый месяц</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only for the 1-month package.</source>
        <translation>Только для пакета на 1 месяц.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>{price} per package</source>
        <translation>{price} за пакет</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{price}/day + {request} a request</source>
        <translation>{price}/сутки + {request} за запрос</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{price}/day</source>
        <translation>{price}/сутки</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+16"/>
        <source>{price} a day</source>
        <translation>{price} в сутки</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+9"/>
        <source>{price} for the package</source>
        <translation>{price} за пакет</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>{price} until the end of the month</source>
        <translation>{price} до конца месяца</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{price} a day and {request} for each position request</source>
        <translation>{price} в сутки и {request} за каждый запрос местоположения</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Tariff {old} is not offered for this number; {new} is chosen instead.</source>
        <translation>Тариф {old} недоступен для этого номера; выбран тариф {new}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saving with another tariff replaces this switch.</source>
        <translation>Если сохранить с другим тарифом, эта смена тарифа будет заменена.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Switch from tomorrow, {when}</source>
        <translation>Сменить с завтрашнего дня, {when}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Switches to {tariff} at {when}.</source>
        <translation>С {when} тариф сменится на {tariff}.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Package: {price} once for the package</source>
        <translation>Пакет: {price} единоразово</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Until the end of the month: {price} once</source>
        <translation>До конца месяца: {price} единоразово</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily: {price} a day</source>
        <translation>Посуточно: {price} в сутки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost: {price}</source>
        <translation>Стоимость: {price}</translation>
    </message>
</context>
<context>
    <name>Tariffs</name>
    <message>
        <location filename="../../movizor_desktop/ui/subscribers/cells.py" line="-116"/>
        <location filename="../../movizor_desktop/ui/tariff_names.py" line="+82"/>
        <source>Manual requests</source>
        <translation>Вручную</translation>
    </message>
    <message numerus="yes">
        <location filename="../../movizor_desktop/ui/tariff_names.py" line="-34"/>
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>Каждый %n час</numerusform>
            <numerusform>Каждые %n часа</numerusform>
            <numerusform>Каждые %n часов</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Package for 1 month</source>
        <translation>Пакет на 1 месяц</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every {count} min</source>
        <translation>Каждые {count} мин</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{tariff} (MTS only)</source>
        <translation>{tariff} (только МТС)</translation>
    </message>
</context>
<context>
    <name>TemplatesButton</name>
    <message>
        <location filename="../../movizor_desktop/ui/editors/route_templates.py" line="+22"/>
        <source>Templates</source>
        <translation>Шаблоны</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route templates</source>
        <translation>Шаблоны маршрутов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as template…</source>
        <translation>Сохранить как шаблон…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load template</source>
        <translation>Загрузить шаблон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete template</source>
        <translation>Удалить шаблон</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>{name} (%n point(s))</source>
        <translation>
            <numerusform>{name} (%n точка)</numerusform>
            <numerusform>{name} (%n точки)</numerusform>
            <numerusform>{name} (%n точек)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No saved templates</source>
        <translation>Нет сохранённых шаблонов</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add points with coordinates before saving the route as a template.</source>
        <translation>Чтобы сохранить маршрут как шаблон, добавьте точки с координатами.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save route as template</source>
        <translation>Сохранение маршрута как шаблона</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template name (a template of the same name is replaced):</source>
        <translation>Название шаблона (шаблон с таким же названием будет заменён):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The template needs a name.</source>
        <translation>Укажите название шаблона.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save the template: {reason}</source>
        <translation>Не удалось сохранить шаблон: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replaced the template “{name}”.</source>
        <translation>Шаблон «{name}» заменён.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved the template “{name}”.</source>
        <translation>Шаблон «{name}» сохранён.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The template “{name}” is gone.</source>
        <translation>Шаблона «{name}» больше нет.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loaded the template “{name}”.</source>
        <translation>Шаблон «{name}» загружен.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted the template “{name}”.</source>
        <translation>Шаблон «{name}» удалён.</translation>
    </message>
</context>
<context>
    <name>TripPages</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/subscriber_pages.py" line="+72"/>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metadata</source>
        <translation>Метаданные</translation>
    </message>
</context>
<context>
    <name>TripPlanner</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/assign.py" line="+58"/>
        <source>+ {text}, {time}</source>
        <translation>+ {text}, {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>− {text}</source>
        <translation>− {text}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>~ {old} → {new}, {old_time} → {new_time}</source>
        <translation>~ {old} → {new}, {old_time} → {new_time}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>= {text}, {time}</source>
        <translation>= {text}, {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>… and {n} more</source>
        <translation>… и ещё {n}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose a truck of the list first.</source>
        <translation>Сначала выберите машину из списка.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not connected: the route was not saved.</source>
        <translation>Нет подключения: маршрут не сохранён.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{truck} is being saved already.</source>
        <translation>{truck} уже сохраняется.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The route was not saved on {truck}: {reason}</source>
        <translation>Маршрут не сохранён у {truck}: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{truck}&apos;s tariff is not known yet; try again in a moment.</source>
        <translation>Тариф {truck} ещё неизвестен; попробуйте чуть позже.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace {truck}&apos;s route with this plan?</source>
        <translation>Заменить маршрут {truck} этим планом?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put this plan on {truck} as its route?</source>
        <translation>Назначить этот план маршрутом {truck}?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assign the plan</source>
        <translation>Назначить план</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the route and its planned times are sent; the tariff and everything else stay as they are.</source>
        <translation>Отправляются только маршрут и плановое время; тариф и остальное не меняются.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the route</source>
        <translation>Сохранить маршрут</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not connected: cannot add a subscriber.</source>
        <translation>Нет подключения: абонента не добавить.</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/feature.py" line="+60"/>
        <source>&amp;Plan a trip…</source>
        <translation>&amp;Планирование рейса…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan a trip: arrivals with the drivers&apos; rests, and which truck can make it</source>
        <translation>Планирование рейса: прибытие с учётом отдыха водителя и кто из машин успеет</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/files.py" line="+35"/>
        <location line="+52"/>
        <location line="+47"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/outputs.py" line="+285"/>
        <source>Trip plan</source>
        <translation>План рейса</translation>
    </message>
    <message>
        <location line="-98"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/window.py" line="+240"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/window.py" line="+1"/>
        <source>Points</source>
        <translation>Точки</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="+153"/>
        <source>Breaks and rests</source>
        <translation>Перерывы и отдых</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+29"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="+1"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/ranking.py" line="+119"/>
        <source>Arrival (MSK)</source>
        <translation>Прибытие (МСК)</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+23"/>
        <source>Window (MSK)</source>
        <translation>Окно (МСК)</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="-4"/>
        <source>Dwell</source>
        <translation>Стоянка</translation>
    </message>
    <message>
        <location line="-22"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/start.py" line="+105"/>
        <source>Departure (MSK)</source>
        <translation>Выезд (МСК)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On time</source>
        <translation>Успевает</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late by {late}</source>
        <translation>Опоздание {late}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/map_link.py" line="+55"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="+81"/>
        <source>Break</source>
        <translation>Перерыв</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/map_link.py" line="+0"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="+2"/>
        <source>Daily rest</source>
        <translation>Ежедневный отдых</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Road distance, km</source>
        <translation>Расстояние по дорогам, км</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="-86"/>
        <source>Point</source>
        <translation>Точка</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="+4"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/ranking.py" line="-1"/>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="+1"/>
        <source>Driving</source>
        <translation>В пути</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="+3"/>
        <source>Verdict</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/map_link.py" line="-10"/>
        <source>window {earliest} – {latest} MSK</source>
        <translation>окно {earliest} – {latest} МСК</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/points.py" line="-102"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/ranking.py" line="+24"/>
        <source>late by {late}</source>
        <translation>опоздание {late}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/ranking.py" line="+3"/>
        <source>on time</source>
        <translation>вовремя</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>impossible at a legal speed</source>
        <translation>не успеть с разрешённой скоростью</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>breaks: {n}</source>
        <translation>перерывов: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>daily rests: {n}</source>
        <translation>ночёвок: {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waits {time}</source>
        <translation>ожидание {time}</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Earliest (MSK)</source>
        <translation>Не раньше (МСК)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latest (MSK)</source>
        <translation>Не позже (МСК)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Moscow time: 26.11.2026 14:30, 26.11 14:30 or 14:30 (the next one)</source>
        <translation>Московское время: 26.11.2026 14:30, 26.11 14:30 или 14:30 (ближайшие)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading or unloading: minutes (45) or hours:minutes (1:30)</source>
        <translation>Погрузка или выгрузка: минуты (45) или часы:минуты (1:30)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{kind} {start} – {end}</source>
        <translation>{kind} {start} – {end}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No speed keeps this window.</source>
        <translation>В это окно не успеть ни на какой скорости.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeping the window needs an average of {speed} km/h.</source>
        <translation>Чтобы успеть, нужна средняя скорость {speed} км/ч.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>“{text}” is not a dwell time: type minutes (45) or hours:minutes (1:30).</source>
        <translation>«{text}» — не время стоянки: введите минуты (45) или часы:минуты (1:30).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The latest arrival is before the earliest.</source>
        <translation>Время «не позже» раньше времени «не раньше».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{text}” is not a time: type 26.11.2026 14:30, 26.11 14:30 or 14:30 (Moscow time).</source>
        <translation>«{text}» — не время: введите 26.11.2026 14:30, 26.11 14:30 или 14:30 (по Москве).</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/ranking.py" line="-52"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/start.py" line="+117"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../movizor_desktop/ui/features/trip_planner/start.py" line="-118"/>
        <source>Truck</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free from</source>
        <translation>Свободна с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First window</source>
        <translation>Первое окно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix age</source>
        <translation>Возраст отметки</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(on a trip)</source>
        <translation>(в рейсе)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>from its route&apos;s end</source>
        <translation>от конца своего маршрута</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from its position</source>
        <translation>от своего местоположения</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Which truck can make it (by arrival at the first point)</source>
        <translation>Кто успеет (по прибытию в первую точку)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter: tags, or name=value (type=рефрижератор)</source>
        <translation>Фильтр: метки или имя=значение (тип=рефрижератор)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter the trucks by tag or metadata</source>
        <translation>Отбор машин по меткам или метаданным</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top</source>
        <translation>Первые</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many of the best trucks to locate</source>
        <translation>Сколько лучших машин запросить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request fresh positions…</source>
        <translation>Запросить свежие позиции…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask Movizor for a fresh position of the top trucks whose fix is old.</source>
        <translation>Запросить у Мовизора свежие позиции первых машин со старой отметкой.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trucks ranked by arrival</source>
        <translation>Машины по времени прибытия</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Some of these tariffs are not in the price table: the requests may be charged (known charges: {total}).</source>
        <translation>Некоторых тарифов нет в прайсе: запросы могут быть платными (известная стоимость: {total}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trucks on the manual tariff are charged: {total} in all.</source>
        <translation>Запросы машин на ручном тарифе платные: всего {total}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their tariffs include position requests: no charge.</source>
        <translation>Их тарифы включают запросы позиции: бесплатно.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The top trucks&apos; fixes are fresh.</source>
        <translation>У первых машин отметки свежие.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Locating {count} trucks… the ranking updates as positions come.</source>
        <translation>Определяем местоположение машин: {count}… список обновится по мере ответов.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{got} of {count} positions received.</source>
        <translation>Получено позиций: {got} из {count}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{truck}: already being located</source>
        <translation>{truck}: уже определяется</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request fresh positions?</source>
        <translation>Запросить свежие позиции?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask Movizor for the positions of {count} trucks: {names}.</source>
        <translation>Запросить у Мовизора позиции машин ({count}): {names}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Request</source>
        <translation>Запросить</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/start.py" line="-10"/>
        <source>A truck&apos;s position now</source>
        <translation>Где машина сейчас</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The end of a truck&apos;s route</source>
        <translation>Конец маршрута машины</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An address and a departure time</source>
        <translation>Адрес и время выезда</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the trip starts</source>
        <translation>Откуда начинается рейс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The truck the trip starts from</source>
        <translation>Машина, с которой начинается рейс</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Departure time, Moscow time</source>
        <translation>Время выезда по Москве</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+75"/>
        <source>Find the start&apos;s address or paste its coordinates.</source>
        <translation>Найдите адрес начала или вставьте его координаты.</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Place: {place}</source>
        <translation>Место: {place}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose a truck.</source>
        <translation>Выберите машину.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{truck} has no unfinished route: start from its position.</source>
        <translation>У {truck} нет незавершённого маршрута: начните от её местоположения.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Free at its route&apos;s end from {time}.</source>
        <translation>Свободна в конце маршрута с {time}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{truck} has no position yet.</source>
        <translation>У {truck} ещё нет местоположения.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fix of {time}, accuracy {accuracy} (LBS).</source>
        <translation>Отметка {time}, точность {accuracy} (LBS).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“{text}” is not a time: type 26.11.2026 14:30, 26.11 14:30 or 14:30.</source>
        <translation>«{text}» — не время: введите 26.11.2026 14:30, 26.11 14:30 или 14:30.</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/window.py" line="-116"/>
        <source>Not connected.</source>
        <translation>Нет подключения.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Plan a trip</source>
        <translation>Планирование рейса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (for a template)</source>
        <translation>Название (для шаблона)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan name</source>
        <translation>Название плана</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick on map</source>
        <translation>Указать на карте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each click on the map adds a point; Esc or a second press stops.</source>
        <translation>Каждый щелчок по карте добавляет точку; Esc или повторное нажатие — закончить.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plan points</source>
        <translation>Точки плана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the point up (Alt+Up)</source>
        <translation>Поднять точку (Alt+↑)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the point down (Alt+Down)</source>
        <translation>Опустить точку (Alt+↓)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The rest rule file {name} cannot be used now: the plan follows the shipped default rules. Choose the rules again in Preferences → Planning.</source>
        <translation>Файл правил отдыха {name} сейчас нельзя использовать: план идёт по стандартным правилам программы. Выберите правила заново в «Настройки → Планирование».</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/outputs.py" line="-182"/>
        <source>Assign to the truck…</source>
        <translation>Назначить машине…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the plan on the start&apos;s truck (or the one chosen in the ranking) as its route</source>
        <translation>Сделать план маршрутом машины из начала рейса (или выбранной в списке)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New subscriber with this route…</source>
        <translation>Новый абонент с этим маршрутом…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as template</source>
        <translation>Сохранить шаблон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open template</source>
        <translation>Открыть шаблон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export GPX/KML…</source>
        <translation>Экспорт GPX/KML…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan sheet (PDF)…</source>
        <translation>Лист плана (PDF)…</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/window.py" line="-16"/>
        <source>The map appears once the main window&apos;s map has loaded.</source>
        <translation>Карта появится, когда загрузится карта главного окна.</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Point {n}, {column}: {text}</source>
        <translation>Точка {n}, {column}: {text}</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The rest rules “{rules}” are no longer in force (until {date}): choose current ones in the Preferences.</source>
        <translation>Правила отдыха «{rules}» больше не действуют (до {date}): выберите действующие в настройках.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The rest rules “{rules}” are not in force yet (from {date}).</source>
        <translation>Правила отдыха «{rules}» ещё не действуют (с {date}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The rest rules “{rules}” expire in {days} days ({date}).</source>
        <translation>Правила отдыха «{rules}» перестают действовать через {days} дн. ({date}).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{speed} km/h, detour factor {circuity}, rules: {rules}</source>
        <translation>{speed} км/ч, коэффициент извилистости {circuity}, правила: {rules}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>all on time</source>
        <translation>всё вовремя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>late at some points</source>
        <translation>есть опоздания</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total {distance}, driving {driving}, finished {finish} MSK; {verdict}.</source>
        <translation>Всего {distance}, за рулём {driving}, окончание {finish} МСК; {verdict}.</translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/features/trip_planner/outputs.py" line="+1"/>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the plan sheet</source>
        <translation>Напечатать лист плана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which truck?</source>
        <translation>Кто успеет?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the trucks ranked by arrival, and on the map</source>
        <translation>Показать машины по времени прибытия, и на карте</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+51"/>
        <source>Add at least one point.</source>
        <translation>Добавьте хотя бы одну точку.</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Choose where the trip starts.</source>
        <translation>Укажите, откуда начинается рейс.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Start from a truck (or choose one in the ranking) to assign the plan.</source>
        <translation>Чтобы назначить план, начните рейс от машины (или выберите её в списке).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The route is saved on {truck}.</source>
        <translation>Маршрут сохранён у {truck}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name the plan to save it as a template.</source>
        <translation>Назовите план, чтобы сохранить его шаблоном.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The template was not saved: {reason}</source>
        <translation>Шаблон не сохранён: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Template “{name}” replaced.</source>
        <translation>Шаблон «{name}» заменён.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template “{name}” saved.</source>
        <translation>Шаблон «{name}» сохранён.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No templates yet</source>
        <translation>Шаблонов пока нет</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The template “{name}” cannot be read.</source>
        <translation>Шаблон «{name}» не читается.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Template “{name}” opened.</source>
        <translation>Шаблон «{name}» открыт.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export the plan</source>
        <translation>Экспорт плана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPX (*.gpx);;KML (*.kml)</source>
        <translation>GPX (*.gpx);;KML (*.kml)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>trip-plan</source>
        <translation>план-рейса</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save the plan sheet</source>
        <translation>Сохранить лист плана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From {start}, leaving {time} MSK; {summary}</source>
        <translation>Из: {start}, выезд {time} МСК; {summary}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The file was not written: {reason}</source>
        <translation>Файл не записан: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved to {path}.</source>
        <translation>Сохранено: {path}.</translation>
    </message>
</context>
<context>
    <name>TripReport</name>
    <message>
        <location filename="../../movizor_desktop/ui/features/printing/trip_report.py" line="+85"/>
        <source>No map is shown in this window, so the report has no map picture.</source>
        <translation>В окне не показана карта, поэтому в отчёте нет её изображения.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>on time</source>
        <translation>вовремя</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{time} late</source>
        <translation>опоздание {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{time} early</source>
        <translation>опережение {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Tariff</source>
        <translation>Тариф</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last position</source>
        <translation>Последнее местоположение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Km left</source>
        <translation>Осталось км</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subscriber</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The current details could not be loaded ({reason}); the last known ones are shown.</source>
        <translation>Не удалось загрузить текущие данные ({reason}); показаны последние известные.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Route: plan and fact</source>
        <translation>Маршрут: план и факт</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No route is set for this subscriber.</source>
        <translation>Маршрут для этого абонента не задан.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>forecast {time}</source>
        <translation>прогноз {time}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Point</source>
        <translation>Точка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>План</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival or forecast</source>
        <translation>Прибытие / прогноз</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deviation</source>
        <translation>Отклонение</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Track</source>
        <translation>Трек</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The track could not be loaded: {reason}</source>
        <translation>Не удалось загрузить трек: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No positions in {period}.</source>
        <translation>Нет точек за период {period}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Positions</source>
        <translation>Число точек</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance</source>
        <translation>Расстояние</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First and last position</source>
        <translation>Первая и последняя точка</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{duration} from {start} to {end}</source>
        <translation>{duration}, с {start} до {end}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Longest stop</source>
        <translation>Самая долгая стоянка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaps over 20 min</source>
        <translation>Пропуски дольше 20 мин</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The map as shown for the report period.</source>
        <translation>Карта за период отчёта.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trip report: {name}</source>
        <translation>Отчёт о рейсе: {name}</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../movizor_desktop/ui/actions.py" line="+101"/>
        <source>&amp;Add subscriber…</source>
        <translation>&amp;Добавить абонента…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a driver&apos;s phone number for tracking</source>
        <translation>Добавить номер водителя для отслеживания</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change the name, tags or tariff</source>
        <translation>Изменить название, метки или тариф</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request &amp;position now</source>
        <translation>&amp;Запросить местоположение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the operator where the phone is now</source>
        <translation>Спросить у оператора, где телефон сейчас</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Disable / delete…</source>
        <translation>&amp;Отключить / удалить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable tracking; delete a disabled subscriber for good</source>
        <translation>Отключить отслеживание; отключённого абонента — удалить совсем</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reactivate</source>
        <translation>&amp;Подключить повторно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch tracking on again (off or refused subscribers)</source>
        <translation>Снова включить отслеживание (отключённые или отказавшиеся абоненты)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel tariff change</source>
        <translation>Отменить &amp;смену тарифа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the current tariff instead of the one planned for 00:00 MSK</source>
        <translation>Оставить текущий тариф вместо запланированного на 00:00 МСК</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;fresh</source>
        <translation>Об&amp;новить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync with Movizor now and reload the selected rows</source>
        <translation>Обновить данные из Movizor сейчас и перечитать выбранные строки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy p&amp;hone number</source>
        <translation>Скопировать &amp;номер телефона</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected subscribers&apos; numbers</source>
        <translation>Скопировать номера выбранных абонентов</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Co&amp;nnection settings…</source>
        <translation>&amp;Настройки подключения…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts, API address and key</source>
        <translation>Договоры, адрес API и ключ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Movizor Desktop</source>
        <translation>Закрыть Movizor Desktop</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Disable…</source>
        <translation>&amp;Отключить…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
</context>
</TS>
