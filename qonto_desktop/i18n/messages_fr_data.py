"""The French of every English error message and next action.

Read by :mod:`qonto_desktop.i18n.messages_fr`.

Keys are the English texts exactly as the errors build them. A key may hold ``{name}``
placeholders (``{name:g}`` and ``{name!r}`` as in the f-string that builds it); its French must
use the same names, as plain ``{name}``. Write plain apostrophes and spaces here: the French
typography (curly apostrophes, non-breaking spaces before : ; ? ! and inside « ») is applied
when loading, by :func:`qonto_desktop.i18n.messages_fr.typeset`.

Terms, kept the same everywhere: connection → connexion; keyring → trousseau de clés; client ID →
identifiant client (client ID); redirect URI → URI de redirection; scope or permission →
autorisation; Developer Portal → Developer Portal de Qonto; sandbox → bac à sable (sandbox);
file-system permissions → droits d'accès; sign-in → authentification.
"""

from __future__ import annotations

# Class-level texts of the error tree, then the texts passed to constructors across the package.
MESSAGES: dict[str, str] = {
    # qonto_desktop.errors
    "Something went wrong.": "Une erreur s'est produite.",
    "Try again. If it keeps happening, open the log folder and report it.": (
        "Réessayez. Si le problème persiste, ouvrez le dossier des journaux et signalez-le."
    ),
    # qonto_desktop.connections.baked
    "This copy of the app carries an app registration that cannot be read.": (
        "Cette copie de l'application contient un enregistrement d'application illisible."
    ),
    "Download the app again from your firm, or ask whoever built it.": (
        "Téléchargez à nouveau l'application auprès de votre cabinet, ou demandez à la personne "
        "qui l'a préparée."
    ),
    # qonto_desktop.oauth.errors
    "A setting is not valid.": "Un paramètre n'est pas valide.",
    "Correct it and try again.": "Corrigez-le, puis réessayez.",
    "Qonto did not authorize the connection.": "Qonto n'a pas autorisé la connexion.",
    "Try again. If it keeps failing, check the app registration in Qonto.": (
        "Réessayez. Si l'échec persiste, vérifiez l'enregistrement de l'application dans Qonto."
    ),
    "The connection was refused in Qonto (someone clicked Deny, or closed the consent).": (
        "La connexion a été refusée dans Qonto (quelqu'un a refusé l'accès ou a fermé la page "
        "de consentement)."
    ),
    "Start again and click Approve in Qonto if you want to connect this account.": (
        "Recommencez et approuvez l'accès dans Qonto si vous souhaitez connecter ce compte."
    ),
    "Qonto rejected the connection request as malformed.": (
        "Qonto a rejeté la demande de connexion, qu'il juge mal formée."
    ),
    "Check the client ID and the organization ID, then try again.": (
        "Vérifiez l'identifiant client (client ID) et l'identifiant d'organisation, puis réessayez."
    ),
    "This app registration is not allowed to connect this way.": (
        "Cet enregistrement d'application n'est pas autorisé à se connecter de cette manière."
    ),
    "Check in Qonto's Developer Portal that the app is active for this environment.": (
        "Vérifiez dans le Developer Portal de Qonto que l'application est active pour cet "
        "environnement."
    ),
    "Qonto does not accept the kind of authorization the app asked for.": (
        "Qonto n'accepte pas le type de demande d'autorisation envoyé par l'application."
    ),
    "Check that the environment's addresses point at Qonto's OAuth server.": (
        "Vérifiez que les adresses de l'environnement pointent vers le serveur OAuth de Qonto."
    ),
    "Qonto refused one or more of the permissions asked for.": (
        "Qonto a refusé une ou plusieurs des autorisations demandées."
    ),
    "Enable those permissions (scopes) on your app in Qonto's Developer Portal, "
    "or ask for fewer, then try again.": (
        "Activez ces autorisations (scopes) pour votre application dans le Developer Portal de "
        "Qonto, ou demandez-en moins, puis réessayez."
    ),
    "Qonto's sign-in service had an internal error.": (
        "Le service d'authentification de Qonto a rencontré une erreur interne."
    ),
    "Wait a minute and try again.": "Patientez une minute, puis réessayez.",
    "Qonto's sign-in service is busy or under maintenance.": (
        "Le service d'authentification de Qonto est surchargé ou en maintenance."
    ),
    "Wait a few minutes and try again.": "Patientez quelques minutes, puis réessayez.",
    "The answer from the browser does not belong to this connection attempt.": (
        "La réponse reçue du navigateur ne correspond pas à cette tentative de connexion."
    ),
    "Start the connection again from the app, and use only the newest browser tab.": (
        "Relancez la connexion depuis l'application et utilisez uniquement le dernier onglet "
        "ouvert dans le navigateur."
    ),
    "This connection attempt has already been completed.": (
        "Cette tentative de connexion est déjà terminée."
    ),
    "Start a new connection if you need another one.": (
        "Lancez une nouvelle connexion si vous en avez besoin d'une autre."
    ),
    "That address is not the one Qonto sends back after you approve.": (
        "Cette adresse n'est pas celle vers laquelle Qonto vous renvoie après votre accord."
    ),
    "Copy the full address from the browser's address bar after approving in Qonto; "
    "it starts with the redirect URI and contains code= and state=.": (
        "Après avoir donné votre accord dans Qonto, copiez l'adresse complète affichée dans la "
        "barre d'adresse du navigateur ; elle commence par l'URI de redirection et contient "
        "code= et state=."
    ),
    "The app cannot listen on port {port}, which your redirect URI {redirect_uri} uses.": (
        "L'application ne peut pas écouter sur le port {port}, utilisé par votre URI de "
        "redirection {redirect_uri}."
    ),
    "Close the program that uses this port (another Qonto tool, perhaps), or register "
    "another redirect URI in Qonto's Developer Portal and set the same port in the app.": (
        "Fermez le programme qui utilise ce port (peut-être un autre outil Qonto), ou "
        "enregistrez une autre URI de redirection dans le Developer Portal de Qonto et indiquez "
        "le même port dans l'application."
    ),
    "No answer came back from the browser in time.": (
        "Le navigateur n'a renvoyé aucune réponse dans le délai imparti."
    ),
    "Try again. If the browser did come back, paste the address it ended on; if it showed "
    "a Qonto error page, check the client ID and the redirect URI.": (
        "Réessayez. Si le navigateur est bien revenu, collez l'adresse de la page sur laquelle "
        "il s'est arrêté ; s'il a affiché une page d'erreur de Qonto, vérifiez l'identifiant "
        "client (client ID) et l'URI de redirection."
    ),
    "The connection was cancelled.": "La connexion a été annulée.",
    "Start again when you are ready.": "Recommencez quand vous le souhaitez.",
    "Qonto refused to issue tokens.": "Qonto a refusé de délivrer les jetons.",
    "Try connecting again.": "Relancez la connexion.",
    "Qonto rejected the token request as malformed.": (
        "Qonto a rejeté la demande de jetons, qu'il juge mal formée."
    ),
    "Try connecting again; if it persists, check the environment's addresses.": (
        "Relancez la connexion ; si le problème persiste, vérifiez les adresses de l'environnement."
    ),
    "Qonto does not recognise this app's client ID or client secret.": (
        "Qonto ne reconnaît pas l'identifiant client (client ID) ou le secret client (client "
        "secret) de cette application."
    ),
    "Copy the client ID and secret again from Qonto's Developer Portal, for this "
    "environment (sandbox and production credentials differ).": (
        "Copiez à nouveau l'identifiant client (client ID) et le secret client depuis le "
        "Developer Portal de Qonto, pour cet environnement (les identifiants du bac à sable et "
        "ceux de la production sont différents)."
    ),
    "Qonto no longer accepts this authorization: it expired, was used, or was revoked.": (
        "Qonto n'accepte plus cette autorisation de connexion : elle a expiré, a déjà été "
        "utilisée ou a été révoquée."
    ),
    "Reconnect this account.": "Reconnectez ce compte.",
    "This app registration may not obtain tokens this way.": (
        "Cet enregistrement d'application n'est pas autorisé à obtenir des jetons de cette manière."
    ),
    "Qonto does not support the kind of token request the app sent.": (
        "Qonto ne prend pas en charge le type de demande de jetons envoyé par l'application."
    ),
    "Check that the environment's token address points at Qonto's OAuth server.": (
        "Vérifiez que l'adresse d'émission des jetons de l'environnement pointe vers le serveur "
        "OAuth de Qonto."
    ),
    "Qonto refused the permissions asked for when issuing tokens.": (
        "Qonto a refusé les autorisations demandées lors de la délivrance des jetons."
    ),
    "Enable the permissions on your app in Qonto's Developer Portal and reconnect.": (
        "Activez ces autorisations pour votre application dans le Developer Portal de Qonto, "
        "puis reconnectez le compte."
    ),
    "Qonto is receiving too many requests from this computer right now.": (
        "Qonto reçoit actuellement trop de requêtes de cet ordinateur."
    ),
    "Wait a minute, then try again.": "Patientez une minute, puis réessayez.",
    "Qonto's service answered with an error (HTTP {status}).": (
        "Le service de Qonto a répondu par une erreur (HTTP {status})."
    ),
    "The app could not reach Qonto.": "L'application n'a pas pu joindre Qonto.",
    "Check the internet connection (and any proxy or firewall), then try again.": (
        "Vérifiez la connexion Internet (ainsi que l'éventuel proxy ou pare-feu), puis réessayez."
    ),
    "The connection to Qonto broke before its answer arrived.": (
        "La liaison avec Qonto a été interrompue avant l'arrivée de sa réponse."
    ),
    "Start the connection again from the beginning; the app does not resend the same "
    "authorization, because Qonto could treat that as an attack and revoke it.": (
        "Reprenez la connexion depuis le début ; l'application ne renvoie pas la même "
        "autorisation de connexion, car Qonto pourrait y voir une attaque et la révoquer."
    ),
    "Qonto's answer was not in the expected format.": (
        "La réponse de Qonto n'était pas au format attendu."
    ),
    "Try again later; if it persists, check the environment's addresses.": (
        "Réessayez plus tard ; si le problème persiste, vérifiez les adresses de l'environnement."
    ),
    "The sandbox staging token is missing or wrong (Qonto answered with a web page).": (
        "Le jeton de staging du bac à sable est absent ou incorrect (Qonto a répondu par une "
        "page web)."
    ),
    "Copy the staging token from Qonto's Developer Portal into the Sandbox settings, "
    "then try again.": (
        "Copiez le jeton de staging depuis le Developer Portal de Qonto dans les paramètres du "
        "bac à sable (sandbox), puis réessayez."
    ),
    # qonto_desktop.system.settings
    "The settings file {path} cannot be read: {reason}.": (
        "Le fichier de paramètres {path} ne peut pas être lu : {reason}."
    ),
    "Fix or delete that file (the app recreates it), then start again.": (
        "Corrigez ou supprimez ce fichier (l'application le recréera), puis relancez l'application."
    ),
    # qonto_desktop.qonto.scopes
    "The app does not know this permission.": "L'application ne connaît pas cette autorisation.",
    "Check the spelling against the permissions listed in the app; names are case-sensitive.": (
        "Comparez l'orthographe avec celle des autorisations listées dans l'application ; les "
        "noms tiennent compte des majuscules et des minuscules."
    ),
    "The app does not know the permission {names}.": (
        "L'application ne connaît pas l'autorisation {names}."
    ),
    "The app does not know the permissions {names}.": (
        "L'application ne connaît pas les autorisations {names}."
    ),
    'There is no permission preset "{key}". Valid presets: {valid}.': (
        "Il n'existe aucun préréglage d'autorisations « {key} ». Préréglages valides : {valid}."
    ),
    "Choose one of the listed presets.": "Choisissez l'un des préréglages proposés.",
    "Choose at least one permission.": "Choisissez au moins une autorisation.",
    "Tick the permissions the app should ask Qonto for, or pick a preset.": (
        "Cochez les autorisations que l'application doit demander à Qonto, ou choisissez un "
        "préréglage."
    ),
    "Not a valid permission name: {shown}.": "Nom d'autorisation non valide : {shown}.",
    "Not valid permission names: {shown}.": "Noms d'autorisation non valides : {shown}.",
    "Write one permission per entry, without spaces or quotes, such as organization.read.": (
        "Saisissez une autorisation par entrée, sans espace ni guillemets, par exemple "
        "organization.read."
    ),
    # qonto_desktop.store.index_errors
    "The list of connections was damaged; a copy was kept at {backup}.": (
        "La liste des connexions était endommagée ; une copie a été conservée dans {backup}."
    ),
    "The connections that could be read are listed; connect again any that are missing, "
    "and keep the copy for a bug report.": (
        "Les connexions lisibles sont affichées ; reconnectez celles qui manquent et conservez "
        "la copie pour signaler le problème."
    ),
    "The list of connections at {path} is damaged ({reason}), and no copy of it could be "
    "kept; the app will not change it until one can be.": (
        "La liste des connexions enregistrée dans {path} est endommagée ({reason}) et aucune "
        "copie n'a pu en être conservée ; l'application ne la modifiera pas tant qu'une copie "
        "ne pourra pas être faite."
    ),
    "Check the free space and the permissions of that folder, then try again.": (
        "Vérifiez l'espace disponible et les droits d'accès de ce dossier, puis réessayez."
    ),
    "The list of connections at {path} cannot be read ({reason}).": (
        "La liste des connexions enregistrée dans {path} ne peut pas être lue ({reason})."
    ),
    "Check that file's permissions, then try again.": (
        "Vérifiez les droits d'accès de ce fichier, puis réessayez."
    ),
    "The list of connections at {path} was made by a newer version of Qonto Desktop; "
    "this version shows what it can read but will not change it.": (
        "La liste des connexions enregistrée dans {path} a été créée par une version plus "
        "récente de Qonto Desktop ; cette version affiche ce qu'elle peut en lire, mais ne la "
        "modifiera pas."
    ),
    "Install the newer version of Qonto Desktop again to change your connections.": (
        "Réinstallez la version plus récente de Qonto Desktop pour modifier vos connexions."
    ),
    "Another Qonto Desktop is busy with the connections list; try again.": (
        "Une autre instance de Qonto Desktop utilise la liste des connexions ; réessayez."
    ),
    "Wait a moment. If it lasts, close the other Qonto Desktop windows and commands.": (
        "Patientez un instant. Si cela dure, fermez les autres fenêtres et commandes de Qonto "
        "Desktop."
    ),
    "The list of connections at {path} could not be saved ({reason}).": (
        "La liste des connexions n'a pas pu être enregistrée dans {path} ({reason})."
    ),
    "No connection matches '{query}'.": "Aucune connexion ne correspond à « {query} ».",
    "Run `status` to list them.": "Lancez `status` pour les afficher.",
    "There is no connection yet.": "Il n'y a encore aucune connexion.",
    "Connect one first.": "Commencez par créer une connexion.",
    "Name one by its id.": "Désignez-en une par son identifiant.",
    "There are several connections: {names}.": "Il existe plusieurs connexions : {names}.",
    "'{query}' matches several connections: {names}.": (
        "« {query} » correspond à plusieurs connexions : {names}."
    ),
    # qonto_desktop.store.errors
    "The app could not use this computer's secure storage (the keyring).": (
        "L'application n'a pas pu utiliser le stockage sécurisé de cet ordinateur (le "
        "trousseau de clés)."
    ),
    "There is no secure storage on this computer, so the app cannot keep a Qonto "
    "connection safely. It never stores secrets in plain files.": (
        "Cet ordinateur ne dispose d'aucun stockage sécurisé : l'application ne peut donc pas "
        "conserver une connexion Qonto en toute sécurité. Elle n'enregistre jamais de secrets "
        "dans des fichiers en clair."
    ),
    "The keyring is locked.": "Le trousseau de clés est verrouillé.",
    "Unlock it (log in to your desktop session / enter the keyring password) and try again.": (
        "Déverrouillez-le (ouvrez votre session de bureau ou saisissez le mot de passe du "
        "trousseau de clés), puis réessayez."
    ),
    "The keyring could not be opened.": "Le trousseau de clés n'a pas pu être ouvert.",
    "Make sure the keyring is running and unlocked (log in to your desktop session), "
    "then try again.": (
        "Assurez-vous que le trousseau de clés est actif et déverrouillé (ouvrez votre session "
        "de bureau), puis réessayez."
    ),
    "The keyring did not answer within {seconds:g} seconds.": (
        "Le trousseau de clés n'a pas répondu dans le délai de {seconds} secondes."
    ),
    "It may be waiting for you to unlock it: look for a password prompt, unlock the "
    "keyring, and try again.": (
        "Il attend peut-être que vous le déverrouilliez : cherchez une fenêtre demandant un mot "
        "de passe, déverrouillez le trousseau de clés, puis réessayez."
    ),
    "The keyring refused to save a secret.": (
        "Le trousseau de clés a refusé d'enregistrer un secret."
    ),
    "Make sure the keyring is unlocked and not read-only, then try again.": (
        "Assurez-vous que le trousseau de clés est déverrouillé et n'est pas en lecture seule, "
        "puis réessayez."
    ),
    "The keyring refused to delete a secret.": (
        "Le trousseau de clés a refusé de supprimer un secret."
    ),
    "Make sure the keyring is unlocked, then try again.": (
        "Assurez-vous que le trousseau de clés est déverrouillé, puis réessayez."
    ),
    "The keyring refused a secret as too large.": (
        "Le trousseau de clés a refusé un secret jugé trop volumineux."
    ),
    "Report this, with the log: the app should have split the secret.": (
        "Signalez ce problème en joignant le journal : l'application aurait dû découper le secret."
    ),
    "This secret is too large for the keyring ({count} characters).": (
        "Ce secret est trop volumineux pour le trousseau de clés ({count} caractères)."
    ),
    "The keyring did not give back the secret the app had just saved.": (
        "Le trousseau de clés n'a pas restitué le secret que l'application venait d'enregistrer."
    ),
    "Nothing was changed. Try again; if it keeps happening, the keyring may be damaged "
    "or another program may be changing it.": (
        "Rien n'a été modifié. Réessayez ; si le problème persiste, le trousseau de clés est "
        "peut-être endommagé, ou un autre programme est peut-être en train de le modifier."
    ),
    "A secret saved in the keyring is incomplete or out of date.": (
        "Un secret enregistré dans le trousseau de clés est incomplet ou obsolète."
    ),
    "Save it again: reconnect the account, or enter the secret again in Settings.": (
        "Enregistrez-le à nouveau : reconnectez le compte, ou saisissez de nouveau le secret "
        "dans les Paramètres."
    ),
    "Saving to the keyring failed, and the previous secrets could not all be put back.": (
        "L'enregistrement dans le trousseau de clés a échoué et les secrets précédents n'ont "
        "pas tous pu être restaurés."
    ),
    "Make sure the keyring is unlocked, then reconnect the accounts concerned.": (
        "Assurez-vous que le trousseau de clés est déverrouillé, puis reconnectez les comptes "
        "concernés."
    ),
    "A name for a keyring entry is not valid.": (
        "Un nom d'entrée du trousseau de clés n'est pas valide."
    ),
    "Check the client ID in Settings: it must be printable ASCII without spaces or '#', "
    "at most 200 characters.": (
        "Vérifiez l'identifiant client (client ID) dans les Paramètres : il doit se composer de "
        "caractères ASCII imprimables, sans espace ni « # », et compter au plus 200 caractères."
    ),
    # qonto_desktop.store.backends.storage_advice (NoSecureStorageError's next action)
    "The app uses Windows Credential Manager. Sign in to Windows with your own user "
    "account (not a temporary or restricted profile) and make sure the Credential "
    "Manager service is running, then try again.": (
        "L'application utilise le Gestionnaire d'identification de Windows. Ouvrez une session "
        "Windows avec votre propre compte utilisateur (et non un profil temporaire ou "
        "restreint) et assurez-vous que le service Gestionnaire d'identification est démarré, "
        "puis réessayez."
    ),
    "The app uses the macOS Keychain. Make sure your login keychain exists and is "
    "unlocked (Keychain Access), then try again.": (
        "L'application utilise le Trousseau de macOS. Assurez-vous que votre trousseau de "
        "session existe et qu'il est déverrouillé (application Trousseaux d'accès), puis "
        "réessayez."
    ),
    "The app uses the Secret Service. Install GNOME Keyring or KWallet "
    "(for example: sudo apt install gnome-keyring), unlock it, and run the app inside "
    "your desktop session, where D-Bus is available (not over plain SSH).": (
        "L'application utilise le Secret Service. Installez GNOME Keyring ou KWallet (par "
        "exemple : sudo apt install gnome-keyring), déverrouillez-le, puis lancez "
        "l'application dans votre session de bureau, où D-Bus est disponible (et non par une "
        "simple connexion SSH)."
    ),
    "The app needs the operating system's keyring, and none was found. Run it on "
    "Windows, macOS or a Linux desktop with GNOME Keyring or KWallet.": (
        "L'application a besoin du trousseau de clés du système d'exploitation, et aucun n'a "
        "été trouvé. Lancez-la sous Windows, macOS ou sur un bureau Linux équipé de GNOME "
        "Keyring ou de KWallet."
    ),
    # qonto_desktop.connections
    "The connection to {name} has no refresh token: it ends when its access expires.": (
        "La connexion à {name} n'a pas de jeton de rafraîchissement : elle prend fin quand "
        "son accès expire."
    ),
    "Reconnect it with the permission “Stay connected without signing in again” "
    "(offline_access) ticked.": (
        "Reconnectez-la en cochant l'autorisation « Rester connecté sans se reconnecter » "
        "(offline_access)."
    ),
    "Qonto no longer accepts the connection to {name}.": (
        "Qonto n'accepte plus la connexion à {name}."
    ),
    "Reconnect it: sign in to Qonto again from the app (the same organization).": (
        "Reconnectez-la : identifiez-vous de nouveau sur Qonto depuis l'application (avec la "
        "même organisation)."
    ),
    "No Qonto app registration is set up for {environment}.": (
        "Aucun enregistrement d'application Qonto n'est configuré pour l'environnement "
        "{environment}."
    ),
    "Enter your app's client ID from Qonto's Developer Portal: "
    "`{program} configure --environment {environment} --client-id <ID>`.": (
        "Saisissez l'identifiant client (client ID) de votre application, indiqué dans le "
        "Developer Portal de Qonto : "
        "`{program} configure --environment {environment} --client-id <ID>`."
    ),
    "The redirect port saved for {environment} is not a port number.": (
        "Le port de redirection enregistré pour l'environnement {environment} n'est pas un "
        "numéro de port."
    ),
    "Set it again, e.g. `{program} configure --redirect-port 52817`.": (
        "Indiquez-le de nouveau, par exemple : `{program} configure --redirect-port 52817`."
    ),
    "The permission to read the organization was not granted.": (
        "L'autorisation de consulter l'organisation n'a pas été accordée."
    ),
    # qonto_desktop.qonto.api
    "Qonto's API refused the request.": "L'API de Qonto a refusé la requête.",
    "Qonto's API refused the request (HTTP {status}).": (
        "L'API de Qonto a refusé la requête (HTTP {status})."
    ),
    "Try again later.": "Réessayez plus tard.",
    "Qonto no longer accepts this connection's access.": (
        "Qonto n'accepte plus l'accès de cette connexion."
    ),
    "Refresh the connection; if that fails, reconnect it.": (
        "Actualisez la connexion ; en cas d'échec, reconnectez-la."
    ),
    "This connection was not given the permission this needs.": (
        "Cette connexion n'a pas reçu l'autorisation nécessaire à cette opération."
    ),
    "Reconnect and tick the missing permission.": (
        "Reconnectez-la en cochant l'autorisation manquante."
    ),
    # qonto_desktop.oauth.flow, .redirect, .loopback, .tokens
    "The client ID is empty.": "L'identifiant client (client ID) est vide.",
    "Copy your app's client ID from Qonto's Developer Portal.": (
        "Copiez l'identifiant client (client ID) de votre application depuis le Developer "
        "Portal de Qonto."
    ),
    "A permission name is empty or contains a space.": (
        "Un nom d'autorisation est vide ou contient un espace."
    ),
    "The {what} {text!r} is not valid.": "{what} {text} n'est pas valide.",
    "Copy the {what} from Qonto; it looks like {example}.": (
        "Copiez {what} depuis Qonto ; exemple de format : {example}."
    ),
    "The redirect URI {redirect_uri!r} is not a loopback address the app can listen on.": (
        "L'URI de redirection {redirect_uri} n'est pas une adresse locale (loopback) sur "
        "laquelle l'application peut écouter."
    ),
    "Use an address like {example}, and register exactly the same one in Qonto's "
    "Developer Portal.": (
        "Utilisez une adresse comme {example}, et enregistrez exactement la même dans le "
        "Developer Portal de Qonto."
    ),
    "No pages in language {language!r}.": "Aucune page n'existe pour la langue {language}.",
    "The sign-in timeout must be a positive number of seconds.": (
        "Le délai d'authentification doit être un nombre de secondes positif."
    ),
    "The sign-in state must not be empty.": (
        "Le paramètre state de l'authentification ne doit pas être vide."
    ),
    "The app stopped listening for the browser's answer.": (
        "L'application a cessé d'attendre la réponse du navigateur."
    ),
    "The secure connection to Qonto could not be verified.": (
        "La connexion sécurisée à Qonto n'a pas pu être vérifiée."
    ),
    "If your company inspects web traffic, make sure its certificate is installed "
    "in this computer's certificate store, then try again.": (
        "Si votre entreprise inspecte le trafic web, assurez-vous que son certificat est "
        "installé dans le magasin de certificats de cet ordinateur, puis réessayez."
    ),
    # qonto_desktop.qonto.environments
    "The sandbox staging token is not set.": (
        "Le jeton de staging du bac à sable (sandbox) n'est pas renseigné."
    ),
    "The custom_environment section of the settings is not valid.": (
        "La section custom_environment des paramètres n'est pas valide."
    ),
    "The custom environment has no {what}.": "Il manque {what} dans l'environnement personnalisé.",
    "Set {variable}, or {setting} in the settings' custom_environment.": (
        "Définissez {variable}, ou {setting} dans la section custom_environment des paramètres."
    ),
    "The {what} {url!r} is not a valid address.": "{what} {url} n'est pas une adresse valide.",
    "Use a full address such as https://oauth.example.com/oauth2/token.": (
        "Utilisez une adresse complète, par exemple https://oauth.example.com/oauth2/token."
    ),
    "The {what} {url!r} uses plain http to another computer.": (
        "{what} {url} utilise le protocole http non chiffré vers un autre ordinateur."
    ),
    "Use https; plain http is allowed only for this computer (127.0.0.1).": (
        "Utilisez https ; le http non chiffré n'est autorisé que vers cet ordinateur (127.0.0.1)."
    ),
    "There is no environment called {name!r}.": "Il n'existe aucun environnement nommé {name}.",
    "Use one of: {choices}.": "Utilisez l'un des environnements suivants : {choices}.",
    # qonto_desktop.commands
    "Nothing was entered.": "Rien n'a été saisi.",
    "Run the command again.": "Relancez la commande.",
}

# Sentences some errors append to their message (see IndexProblem, PortUnavailableError and
# NeedsReconnectError); the part before them is translated on its own.
SUFFIXES: dict[str, str] = {
    " ({reason})": " ({reason})",
    " It could not be read at all: {reason}.": " Elle est entièrement illisible : {reason}.",
    " {damaged} of its {total} connections could not be read.": (
        " Connexions illisibles : {damaged} sur {total}."
    ),
}

# The app's own reasons, put in parentheses or after a colon; an OS message stays as it is.
REASONS: dict[str, str] = {
    # qonto_desktop.oauth.loopback_server.bind_failure_reason
    "the system does not allow the app to use this port; on Windows, Hyper-V or WSL "
    "may have reserved it": (
        "le système n'autorise pas l'application à utiliser ce port ; sous Windows, Hyper-V ou "
        "WSL l'a peut-être réservé"
    ),
    "another program is already using this port": "un autre programme utilise déjà ce port",
    "the system refused it: {detail}": "le système l'a refusé : {detail}",
    # qonto_desktop.connections.fresh
    "no refresh token is saved for it": (
        "aucun jeton de rafraîchissement n'est enregistré pour elle"
    ),
    "its refresh token expired or was revoked": (
        "son jeton de rafraîchissement a expiré ou a été révoqué"
    ),
    # qonto_desktop.system.settings and qonto_desktop.store.index_format
    "unreadable": "illisible",
    "not UTF-8 text": "ce n'est pas du texte UTF-8",
    "not valid JSON (line {line})": "JSON non valide (ligne {line})",
    "nested too deeply": "imbrication trop profonde",
    "not a JSON object": "ce n'est pas un objet JSON",
    "no valid schema version": "aucune version de schéma valide",
    "no list of connections": "aucune liste de connexions",
    "record {position}: {problem}": "enregistrement {position} : {problem}",
    "the same id as an earlier record": "même identifiant qu'un enregistrement précédent",
    "field {field!r} is missing": "champ {field} manquant",
    "field {field!r}: {problem}": "champ {field} : {problem}",
    "not text": "ce n'est pas du texte",
    "empty": "vide",
    "not a list": "ce n'est pas une liste",
    "not an integer": "ce n'est pas un nombre entier",
    "not true or false": "ce n'est ni vrai ni faux",
    "not a finite number": "ce n'est pas un nombre fini",
    "not a known state": "état inconnu",
    # qonto_desktop.store.index
    "the copy failed: {detail}": "la copie a échoué : {detail}",
}

# Words the English puts in a {what} placeholder, with their article: the French sentence
# starts with some of them, and the article's gender differs from one to the other.
TERMS: dict[str, str] = {
    "organization ID": "l'identifiant d'organisation",
    "registration ID": "l'identifiant d'enregistrement (registration ID)",
    "emulator address": "l'adresse de l'émulateur",
    "authorize url": "l'adresse d'autorisation (authorize URL)",
    "token url": "l'adresse d'émission des jetons (token URL)",
    "revoke url": "l'adresse de révocation (revoke URL)",
    "api base url": "l'adresse de base de l'API (API base URL)",
}
