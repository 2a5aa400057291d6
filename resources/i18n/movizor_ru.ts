<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <location filename="../../movizor_desktop/ui/details.py" line="+308"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not given yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changes to “{new}” from 00:00 MSK on {date}; cancel the change to keep the current tariff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No position yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Standing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A position request is being processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last position request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone unreachable since {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/formatting.py" line="+51"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%n min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%n h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%n d ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>{time} MSK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{km} km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>±{km} km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>±{m} m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../movizor_desktop/ui/map/style.py" line="+34"/>
        <source>Map tiles are offline — showing data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click the map to pick a point · Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>planned {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reached {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{km} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{duration} to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route: {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+27"/>
        <source>{start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%n fixes here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No positions in {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n fixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>longest stop {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%n gaps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../movizor_desktop/app.py" line="+221"/>
        <source>There is no profile named “{name}”.</source>
        <translation>Профиль «{name}» не найден.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the API key: it is not saved on this computer.</source>
        <translation>Введите ключ API: он не сохранён на этом компьютере.</translation>
    </message>
</context>
<context>
    <name>ConfirmDelete</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/confirm.py" line="+49"/>
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
        <source>Will be disabled: {names}. Tracking stops; the history is kept and the subscriber can be reactivated later. Deleting again removes it for good.</source>
        <translation>Будут отключены: {names}. Отслеживание прекратится; история сохранится, абонента можно будет подключить снова. Повторное удаление удалит его окончательно.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Will be deleted for good, together with the whole history of movements: {names}. This cannot be undone.</source>
        <translation>Будут удалены окончательно вместе со всей историей перемещений: {names}. Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Just added: {names}. A new subscriber can be deleted only one hour after adding, unless the driver accepts or declines earlier.</source>
        <translation>Только что добавлены: {names}. Нового абонента можно удалить только через час после добавления, если водитель раньше не примет или не отклонит запрос.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Awaiting the driver&apos;s confirmation: {names}. Such a subscriber can be deleted only 24 hours after adding, unless the driver accepts or declines earlier.</source>
        <translation>Ожидают подтверждения водителя: {names}. Такого абонента можно удалить только через 24 часа после добавления, если водитель раньше не примет или не отклонит запрос.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Disable subscriber?</source>
        <translation>Отключить абонента?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable subscribers?</source>
        <translation>Отключить абонентов?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete subscriber for good?</source>
        <translation>Удалить абонента окончательно?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete subscribers for good?</source>
        <translation>Удалить абонентов окончательно?</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../movizor_desktop/ui/dialogs/connection.py" line="+72"/>
        <source>Connection settings</source>
        <translation>Настройки подключения</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect to your Movizor account. The project name and the API key are in your Movizor personal account.</source>
        <translation>Подключитесь к своему договору Movizor. Имя проекта и ключ API указаны в личном кабинете Movizor.</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+15"/>
        <source>e.g. Main contract</source>
        <translation>например, Основной договор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile &amp;name:</source>
        <translation>&amp;Название профиля:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>API &amp;address:</source>
        <translation>&amp;Адрес API:</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+4"/>
        <source>POST (recommended: the key stays out of URLs)</source>
        <translation>POST (рекомендуется: ключ не попадает в адрес)</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <message>
        <location line="+19"/>
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
        <location line="+47"/>
        <source>{name} (in use)</source>
        <translation>{name} (используется)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>New profile</source>
        <translation>Новый профиль</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saved; leave empty to keep it</source>
        <translation>Сохранён; оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the API key here</source>
        <translation>Вставьте сюда ключ API</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No password storage is available on this computer: the key is kept for this session only and will be asked for again at the next start.</source>
        <translation>На этом компьютере нет хранилища паролей: ключ хранится только до закрытия программы и при следующем запуске будет запрошен снова.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key is kept in the system password storage ({backend}), never in a file.</source>
        <translation>Ключ хранится в системном хранилище паролей ({backend}) и никогда не записывается в файл.</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location line="+2"/>
        <source>The API address must start with http:// or https:// and name a host, e.g. {url}</source>
        <translation>Адрес API должен начинаться с http:// или https:// и содержать имя сервера, например {url}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A profile named “{name}” already exists.</source>
        <translation>Профиль «{name}» уже существует.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the API key.</source>
        <translation>Введите ключ API.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The API key is too long ({count} characters).</source>
        <translation>Ключ API слишком длинный (символов: {count}).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The profile could not be saved: {error}</source>
        <translation>Не удалось сохранить профиль: {error}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>“{name}” is in use. Connect to another profile first, then delete this one.</source>
        <translation>Профиль «{name}» сейчас используется. Сначала подключитесь к другому профилю, затем удалите этот.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete profile?</source>
        <translation>Удалить профиль?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the profile “{name}” and its saved key? The subscribers on the Movizor account are not affected.</source>
        <translation>Удалить профиль «{name}» и сохранённый ключ? Абоненты на договоре Movizor не затрагиваются.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This key was refused a moment ago. Check the project name and the key (Movizor locks access for an hour after five wrong keys).</source>
        <translation>Этот ключ только что был отклонён. Проверьте имя проекта и ключ (после пяти неверных ключей Movizor блокирует доступ на час).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This address cannot be used.</source>
        <translation>Этот адрес нельзя использовать.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected. Balance: {balance}</source>
        <translation>Подключение установлено. Баланс: {balance}</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../movizor_desktop/ui/controller.py" line="+144"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation type="unfinished">Что-то пошло не так; подробности в журнале.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{name} added; the driver gets an SMS asking for consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Locating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Position requested…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name}: position received — {where}, {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Position requested; waiting for the operator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for the operator… {elapsed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locating… {elapsed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Position received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} is on the manual tariff: this request costs {cost}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is on the manual tariff: each request is charged by the tariff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request position?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The operator answers within a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} disabled; delete it again to remove it for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Done: {done} of {total}; refused: {failed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disable / delete</source>
        <translation type="unfinished">Отключить / удалить</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reactivating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: reactivated; the driver gets the consent SMS again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: the tariff change is cancelled; the current tariff stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The key was refused: change it in the connection settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../movizor_desktop/ui/details.py" line="-144"/>
        <source>Consent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tariff:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last fix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Km left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parking:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-off:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details as of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Planned (MSK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived (MSK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Additional fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Select a subscriber in the list to see the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{count} subscribers selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{days} at {times} MSK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../movizor_desktop/ui/events_panel.py" line="+221"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../movizor_desktop/ui/main_window.py" line="+134"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subscriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+83"/>
        <source>This subscriber is no longer on the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../../movizor_desktop/ui/map/panel.py" line="+205"/>
        <source>Select a subscriber to see its track.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not connected: the track cannot be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the track…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Loading the track… %n fixes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not load the track: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <location filename="../../movizor_desktop/ui/map/controls.py" line="+91"/>
        <source>Track:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From (Moscow time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To (Moscow time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation type="unfinished">Показать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show how far each position may be off (mobile network positions are approximate)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location line="+56"/>
        <source>Playback speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the moving point in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position in the track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the track</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../movizor_desktop/ui/statusbar.py" line="+99"/>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo mode: a built-in simulator of Movizor with invented drivers. Nothing is sent to Movizor and no money is spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key kept for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No password manager is available on this computer, so the API key is kept in memory only. You will be asked for it again after restarting the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Balance: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The balance is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Balance: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>credit {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Money on the Movizor contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The balance is below {limit}: top up the contract so tracking does not stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+32"/>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-22"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected. Last sync: {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting to Movizor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>● Offline since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Movizor cannot be reached; the list shows the last known data and updates by itself once the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Key refused — change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Movizor refused the project or API key. Click to open the connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Requests: {used} / {limit} per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Movizor allows {limit} API requests an hour; {left} are left this hour. The app slows its refresh down when few are left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubscriberDialog</name>
    <message>
        <location filename="../../movizor_desktop/ui/dialogs/subscriber.py" line="+104"/>
        <source>Add subscriber</source>
        <translation>Добавить абонента</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit subscriber</source>
        <translation>Изменить абонента</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>+7 921 001-02-03</source>
        <translation>+7 921 001-02-03</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+4"/>
        <source>Choose a tariff</source>
        <translation>Выберите тариф</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Switch from tomorrow, 00:00 MSK</source>
        <translation>Сменить с завтрашнего дня, с 00:00 МСК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activate now</source>
        <translation>Включить сразу</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>T&amp;ariff:</source>
        <translation>Та&amp;риф:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop tracking automatically at</source>
        <translation>Автоматически отключить</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>MSK</source>
        <translation>МСК</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Auto-off:</source>
        <translation>&amp;Автоотключение:</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+212"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location line="-212"/>
        <location line="+213"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Manual requests</source>
        <translation>Вручную</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package for 1 month</source>
        <translation>Пакет на 1 месяц</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every 15 min</source>
        <translation>Каждые 15 мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every 30 min</source>
        <translation>Каждые 30 мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every 60 min</source>
        <translation>Каждые 60 мин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every 3 hours</source>
        <translation>Каждые 3 часа</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A switch from tariff {current} to {new} is scheduled for 00:00 MSK.</source>
        <translation>Смена тарифа {current} на {new} запланирована на 00:00 МСК.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Any format: +7 921 001-02-03, 8 921 0010203, 9210010203</source>
        <translation>В любом формате: +7 921 001-02-03, 8 921 0010203, 9210010203</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Enter the driver&apos;s mobile number.</source>
        <translation>Введите номер мобильного телефона водителя.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a tariff.</source>
        <translation>Выберите тариф.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The auto-off time must be more than a day from now.</source>
        <translation>Время автоотключения должно быть больше чем через сутки.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Something went wrong; the details are in the log.</source>
        <translation>Что-то пошло не так; подробности в журнале.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
</context>
<context>
    <name>SubscriberList</name>
    <message>
        <location filename="../../movizor_desktop/ui/subscribers/view.py" line="+202"/>
        <source>Search: phone, name, tag or place (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type to filter the list; Esc clears, ↓ goes to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every subscriber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent given: positions arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added, waiting for the driver&apos;s consent SMS answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused, no answer, operator errors, restricted lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switched off or being switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{group} {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../movizor_desktop/ui/actions.py" line="+84"/>
        <source>&amp;Add subscriber…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a driver&apos;s phone number for tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change the name, tags or tariff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request &amp;position now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the operator where the phone is now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disable / delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable tracking; delete a disabled subscriber for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch tracking on again (off or refused subscribers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel tariff change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the current tariff instead of the one planned for 00:00 MSK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync with Movizor now and reload the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;nnection settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts, API address and key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close Movizor Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Disable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fmt</name>
    <message>
        <location filename="../../movizor_desktop/ui/details.py" line="+8"/>
        <source>MSK</source>
        <translation type="unfinished">МСК</translation>
    </message>
</context>
</TS>
