<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <source>Qonto Desktop logo</source>
        <translation>Logo de Qonto Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licence&#xa0;: %1</translation>
    </message>
    <message>
        <source>Looking up the keyring…</source>
        <translation>Recherche du coffre-fort du système…</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Paramètres&#xa0;:</translation>
    </message>
    <message>
        <source>Connections list:</source>
        <translation>Liste des connexions&#xa0;:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Journaux&#xa0;:</translation>
    </message>
    <message>
        <source>Secrets:</source>
        <translation>Secrets&#xa0;:</translation>
    </message>
    <message>
        <source>Tokens and client secrets are kept only in the keyring; the folders hold no secret.</source>
        <translation>Les accès et les secrets client sont conservés uniquement dans le coffre-fort du système&#xa0;; les dossiers ne contiennent aucun secret.</translation>
    </message>
    <message>
        <source>Demo mode: these are the demo folders, apart from real data.</source>
        <translation>Mode Démo&#xa0;: ces dossiers sont ceux de la démo, séparés des données réelles.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>AdvancedSection</name>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Shows the tokens, where they are stored and Copy access token.</source>
        <translation>Affiche les jetons, l’endroit où ils sont conservés et «&#xa0;Copier le jeton d’accès&#xa0;».</translation>
    </message>
    <message>
        <source>Copy access token</source>
        <translation>Copier le jeton d’accès</translation>
    </message>
    <message>
        <source>Copies a valid access token; the clipboard is cleared after 60 seconds.</source>
        <translation>Copie un jeton d’accès valide&#xa0;; le presse-papiers est vidé au bout de 60 secondes.</translation>
    </message>
    <message>
        <source>Access token expires</source>
        <translation>Expiration du jeton d’accès</translation>
    </message>
    <message>
        <source>No refresh token: the connection ends when the access token expires.</source>
        <translation>Aucun jeton de rafraîchissement&#xa0;: la connexion prend fin à l’expiration du jeton d’accès.</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Jeton de rafraîchissement</translation>
    </message>
    <message>
        <source>One sign-in shared with the other companies it added (user access)</source>
        <translation>Une seule connexion partagée avec les autres sociétés ajoutées avec elle (accès utilisateur)</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Last renewed</source>
        <translation>Dernier renouvellement</translation>
    </message>
    <message>
        <source>%1 (company and accounts read from Qonto)</source>
        <translation>%1 (société et comptes lus chez Qonto)</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <source>Secrets stored in</source>
        <translation>Secrets conservés dans</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Permission codes</source>
        <translation>Codes des autorisations</translation>
    </message>
    <message>
        <source>Connection ID</source>
        <translation>Identifiant de la connexion</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Companies</source>
        <translation>Sociétés</translation>
    </message>
    <message>
        <source>Tick the companies to add; each becomes a connection.</source>
        <translation>Cochez les sociétés à ajouter&#xa0;; chacune devient une connexion.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Adds no company.</source>
        <translation>N’ajoute aucune société.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Adds the ticked companies.</source>
        <translation>Ajoute les sociétés cochées.</translation>
    </message>
    <message>
        <source>Already connected</source>
        <translation>Déjà connectée</translation>
    </message>
    <message>
        <source>Choose the companies to add</source>
        <translation>Choisissez les sociétés à ajouter</translation>
    </message>
    <message>
        <source>Qonto lists the companies this sign-in reaches. Each one ticked becomes a connection; they all share this one sign-in.</source>
        <translation>Qonto liste les sociétés que cette connexion atteint. Chaque société cochée devient une connexion&#xa0;; toutes partagent cette seule connexion.</translation>
    </message>
    <message>
        <source>{count} more could not be read and are left out.</source>
        <translation>{count} autres n’ont pas pu être lues et sont laissées de côté.</translation>
    </message>
    <message>
        <source>This sign-in reaches no company: there is nothing to add.</source>
        <translation>Cette connexion n’atteint aucune société&#xa0;: il n’y a rien à ajouter.</translation>
    </message>
    <message>
        <source>Add 1 company</source>
        <translation>Ajouter 1 société</translation>
    </message>
    <message>
        <source>Add {count} companies</source>
        <translation>Ajouter {count} sociétés</translation>
    </message>
</context>
<context>
    <name>CompanyWords</name>
    <message>
        <source>Registration number %1</source>
        <translation>Numéro d’immatriculation %1</translation>
    </message>
    <message>
        <source>Access ended: reconnect to use this company again.</source>
        <translation>Accès terminé&#xa0;: reconnectez-vous pour utiliser de nouveau cette société.</translation>
    </message>
    <message>
        <source>Access valid until %1, and it cannot be renewed</source>
        <translation>Accès valable jusqu’au %1, sans renouvellement possible</translation>
    </message>
    <message>
        <source>Access ended on %1: reconnect to use this company again.</source>
        <translation>Accès terminé le %1&#xa0;: reconnectez-vous pour utiliser de nouveau cette société.</translation>
    </message>
    <message>
        <source>Access valid until %1</source>
        <translation>Accès valable jusqu’au %1</translation>
    </message>
</context>
<context>
    <name>ConfirmDisconnect</name>
    <message>
        <source>Disconnect %1?</source>
        <translation>Déconnecter %1&#xa0;?</translation>
    </message>
    <message>
        <source>the keyring</source>
        <translation>le coffre-fort du système</translation>
    </message>
    <message>
        <source>Also withdraw the consent in Qonto</source>
        <translation>Retirer aussi le consentement dans Qonto</translation>
    </message>
    <message>
        <source>When ticked, Qonto no longer lists Qonto Desktop among the authorized apps.</source>
        <translation>Si la case est cochée, Qonto ne liste plus Qonto Desktop parmi les applications autorisées.</translation>
    </message>
    <message>
        <source>Also delete its bank data kept on this computer</source>
        <translation>Supprimer aussi ses données bancaires gardées sur cet ordinateur</translation>
    </message>
    <message>
        <source>When ticked, its transactions and the statements and receipts the app saved for it are deleted from this computer.</source>
        <translation>Si la case est cochée, ses transactions ainsi que les relevés et justificatifs enregistrés par l’application pour elle sont supprimés de cet ordinateur.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Revokes and deletes the tokens now.</source>
        <translation>Met fin à l’accès tout de suite et l’efface de cet ordinateur.</translation>
    </message>
    <message>
        <source>Keep the connection</source>
        <translation>Conserver la connexion</translation>
    </message>
    <message>
        <source>Closes this without changing anything.</source>
        <translation>Ferme cette fenêtre sans rien modifier.</translation>
    </message>
    <message>
        <source>Qonto Desktop will:</source>
        <translation>Qonto Desktop va&#xa0;:</translation>
    </message>
    <message>
        <source>• withdraw the app&apos;s consent in Qonto for %1,</source>
        <translation>• retirer dans Qonto le consentement donné à l’application pour %1,</translation>
    </message>
    <message>
        <source>• revoke the refresh token and the access token at Qonto,</source>
        <translation>• mettre fin à l’accès de l’application chez Qonto,</translation>
    </message>
    <message>
        <source>• delete both tokens from %1, and forget the connection.</source>
        <translation>• effacer cet accès, conservé dans %1, et oublier la connexion.</translation>
    </message>
    <message>
        <source>This company shares one sign-in with other companies (user access): while any of them stays connected, only this company is forgotten here and nothing is revoked.</source>
        <translation>Cette société partage une seule connexion avec d’autres sociétés (accès utilisateur)&#xa0;: tant que l’une d’elles reste connectée, seule cette société est oubliée ici et rien n’est révoqué.</translation>
    </message>
    <message>
        <source>Scripts that use this connection stop working. To use it again, connect it again.</source>
        <translation>Les scripts qui utilisent cette connexion cesseront de fonctionner. Pour l’utiliser de nouveau, connectez de nouveau le compte.</translation>
    </message>
    <message>
        <source>no valid access token to withdraw it with</source>
        <translation>aucun accès valide pour le retirer</translation>
    </message>
    <message>
        <source>the consent (%1)</source>
        <translation>le consentement (%1)</translation>
    </message>
    <message>
        <source>the refresh token (%1)</source>
        <translation>l’accès de 90 jours (%1)</translation>
    </message>
    <message>
        <source>the access token (%1)</source>
        <translation>l’accès en cours (%1)</translation>
    </message>
    <message>
        <source>Its bank data kept on this computer is deleted too.</source>
        <translation>Ses données bancaires gardées sur cet ordinateur sont aussi supprimées.</translation>
    </message>
    <message>
        <source>Its bank data kept on this computer could not be deleted: %1</source>
        <translation>Ses données bancaires gardées sur cet ordinateur n’ont pas pu être supprimées&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is disconnected. Its sign-in stays in use by one other company; Qonto is told when that one is disconnected.</source>
        <translation>Déconnexion de %1 effectuée. Sa connexion reste utilisée par une autre société&#xa0;; Qonto sera informé à la déconnexion de celle-ci.</translation>
    </message>
    <message>
        <source>%1 is disconnected. Its sign-in stays in use by %2 other companies; Qonto is told when the last of them is disconnected.</source>
        <translation>Déconnexion de %1 effectuée. Sa connexion reste utilisée par %2 autres sociétés&#xa0;; Qonto sera informé à la déconnexion de la dernière d’entre elles.</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#xa0;; %2</translation>
    </message>
    <message>
        <source>%1 is disconnected and its tokens are deleted from the keyring, but Qonto could not be told about: %2. You can also remove the app&apos;s access in Qonto&apos;s web app.</source>
        <translation>Déconnexion de %1 effectuée et accès effacé du coffre-fort du système, mais Qonto n’a pas pu être informé pour&#xa0;: %2. Vous pouvez aussi retirer l’accès de l’application dans l’application web de Qonto.</translation>
    </message>
    <message>
        <source>%1 is disconnected: the consent is withdrawn in Qonto, the tokens are revoked and deleted from the keyring.</source>
        <translation>Déconnexion de %1 effectuée&#xa0;: le consentement est retiré dans Qonto, l’accès est révoqué et effacé du coffre-fort du système.</translation>
    </message>
    <message>
        <source>%1 is disconnected: the tokens are revoked and deleted from the keyring.</source>
        <translation>Déconnexion de %1 effectuée&#xa0;: l’accès est révoqué et effacé du coffre-fort du système.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Reconnect {organization}</source>
        <translation>Reconnecter {organization}</translation>
    </message>
    <message>
        <source>Connect a client</source>
        <translation>Connecter un client</translation>
    </message>
</context>
<context>
    <name>ConnectForm</name>
    <message>
        <source>Reconnect {client}</source>
        <translation>Reconnecter {client}</translation>
    </message>
    <message>
        <source>Connect a client</source>
        <translation>Connecter un client</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Which Qonto to connect to.</source>
        <translation>L’environnement Qonto auquel se connecter.</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Bac à sable</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Shows every permission, to ask for more or fewer.</source>
        <translation>Affiche toutes les autorisations, pour en demander plus ou moins.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Environment, app registration, redirect address, organization.</source>
        <translation>Environnement, enregistrement de l’application, adresse de redirection, société.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Closes this window.</source>
        <translation>Ferme cette fenêtre.</translation>
    </message>
    <message>
        <source>Sign in with Qonto</source>
        <translation>Se connecter avec Qonto</translation>
    </message>
    <message>
        <source>Opens Qonto in your browser: sign in with your client&apos;s account and approve.</source>
        <translation>Ouvre Qonto dans votre navigateur&#xa0;: connectez-vous avec le compte de votre client et donnez votre accord.</translation>
    </message>
    <message>
        <source>What the app may do</source>
        <translation>Ce que l’application pourra faire</translation>
    </message>
    <message>
        <source>Environment: {environment} (change it under Advanced).</source>
        <translation>Environnement&#xa0;: {environment} (modifiable sous Avancé).</translation>
    </message>
    <message>
        <source>Connect your clients&apos; companies (one sign-in for all)</source>
        <translation>Connecter les sociétés de vos clients (une seule connexion pour toutes)</translation>
    </message>
    <message>
        <source>Sign in to Qonto in your browser and approve: every company you can reach is offered next.</source>
        <translation>Connectez-vous à Qonto dans votre navigateur et donnez votre accord&#xa0;: chaque société à laquelle vous avez accès vous sera ensuite proposée.</translation>
    </message>
    <message>
        <source>Qonto opens in your browser: sign in with your client&apos;s account (or yours, if they invited you), choose the company and approve. The app does the rest.</source>
        <translation>Qonto s’ouvre dans votre navigateur&#xa0;: connectez-vous avec le compte de votre client (ou le vôtre, s’il vous a invité), choisissez la société et donnez votre accord. L’application fait le reste.</translation>
    </message>
    <message>
        <source>Correct the messages above to sign in.</source>
        <translation>Corrigez les messages ci-dessus pour vous connecter.</translation>
    </message>
</context>
<context>
    <name>ConnectionActions</name>
    <message>
        <source>Connection OK: Qonto answered for %1.</source>
        <translation>Connexion opérationnelle&#xa0;: Qonto a répondu pour %1.</translation>
    </message>
    <message>
        <source>Not checked: this connection may not read the company. Reconnect and tick “Read bank accounts, balances and transactions” to check it.</source>
        <translation>Non vérifiée&#xa0;: cette connexion ne peut peut-être pas consulter la société. Reconnectez-la en cochant «&#xa0;Consulter les comptes, soldes et transactions&#xa0;» pour la vérifier.</translation>
    </message>
    <message>
        <source>Access renewed for %1.</source>
        <translation>Accès renouvelé pour %1.</translation>
    </message>
    <message>
        <source>Access renewed for %1: valid until %2.</source>
        <translation>Accès renouvelé pour %1&#xa0;: valable jusqu’au %2.</translation>
    </message>
    <message>
        <source>Access token copied. The clipboard is cleared in %1 seconds if it still holds it.</source>
        <translation>Jeton d’accès copié. Le presse-papiers sera vidé dans %1 secondes s’il le contient encore.</translation>
    </message>
</context>
<context>
    <name>ConnectionList</name>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Search connections</source>
        <translation>Rechercher dans les connexions</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>À traiter</translation>
    </message>
    <message>
        <source>Shows only the connections to reconnect, those that could not be checked, and those whose access ends within 14 days.</source>
        <translation>N’affiche que les dossiers à reconnecter, ceux qui n’ont pas pu être vérifiés et ceux dont l’accès prend fin dans les 14 jours.</translation>
    </message>
    <message>
        <source>No connection matches this search.</source>
        <translation>Aucune connexion ne correspond à cette recherche.</translation>
    </message>
    <message>
        <source>Connect a client…</source>
        <translation>Connecter un client…</translation>
    </message>
    <message>
        <source>Connect a client</source>
        <translation>Connecter un client</translation>
    </message>
    <message>
        <source>Signs in to Qonto in your browser to connect another organization.</source>
        <translation>Ouvre l’authentification Qonto dans votre navigateur pour connecter une autre société.</translation>
    </message>
    <message>
        <source>Search by name, SIREN or IBAN digits</source>
        <translation>Rechercher par nom, SIREN ou chiffres d’IBAN</translation>
    </message>
    <message>
        <source>Shows only the connections whose name, legal name, SIREN or IBAN&apos;s last digits contain these words. Ctrl+F comes back here.</source>
        <translation>N’affiche que les dossiers dont le nom, la raison sociale, le SIREN ou les derniers chiffres de l’IBAN contiennent ces mots. Ctrl+F revient ici.</translation>
    </message>
    <message>
        <source>Each connected company: its status, until when its access is valid, and its last balance. Click a column title to sort by it.</source>
        <translation>Chaque société connectée&#xa0;: son état, la date de fin de son accès et son dernier solde. Cliquez sur le titre d’une colonne pour trier.</translation>
    </message>
    <message>
        <source>Needs attention (%1)</source>
        <translation>À traiter (%1)</translation>
    </message>
    <message>
        <source>Only the %1 connections that need attention</source>
        <translation>Seulement les %1 dossiers à traiter</translation>
    </message>
</context>
<context>
    <name>ConnectionSections</name>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>Comptable</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Utilisateur authentifié</translation>
    </message>
    <message>
        <source>Unknown (not read yet)</source>
        <translation>Inconnu (pas encore lu)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>Comptes bancaires</translation>
    </message>
    <message>
        <source>None seen yet. Test the connection to read them.</source>
        <translation>Aucun pour l’instant. Testez la connexion pour les lire.</translation>
    </message>
    <message>
        <source>Balances as of %1</source>
        <translation>Soldes au %1</translation>
    </message>
    <message>
        <source>Total at Qonto</source>
        <translation>Total chez Qonto</translation>
    </message>
    <message>
        <source>At another bank (connected to Qonto, not in the Qonto total)</source>
        <translation>Dans une autre banque (reliés à Qonto, hors du total Qonto)</translation>
    </message>
    <message>
        <source>main</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>at another bank</source>
        <translation>dans une autre banque</translation>
    </message>
    <message>
        <source>IBAN ending in %1</source>
        <translation>IBAN se terminant par %1</translation>
    </message>
    <message>
        <source>Balance not shown</source>
        <translation>Solde non affiché</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordée</translation>
    </message>
    <message>
        <source>Requested, not granted</source>
        <translation>Demandée, non accordée</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <source>Needs reconnecting</source>
        <translation>À reconnecter</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Non vérifiée</translation>
    </message>
    <message>
        <source>Access expired</source>
        <translation>Accès expiré</translation>
    </message>
    <message>
        <source>Access ends today</source>
        <translation>L’accès prend fin aujourd’hui</translation>
    </message>
    <message>
        <source>Access ends in 1 day</source>
        <translation>L’accès prend fin dans 1 jour</translation>
    </message>
    <message>
        <source>Access ends in %1 days</source>
        <translation>L’accès prend fin dans %1 jours</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Opérationnelle</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Bac à sable</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>Unverified connection %1</source>
        <translation>Connexion non vérifiée %1</translation>
    </message>
</context>
<context>
    <name>ConnectionTable</name>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu’au</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Access valid until</source>
        <translation>Accès jusqu’au</translation>
    </message>
    <message>
        <source>Last balance</source>
        <translation>Dernier solde</translation>
    </message>
    <message>
        <source>Receipts due: %1</source>
        <translation>À justifier&#xa0;: %1</translation>
    </message>
    <message>
        <source>SIREN %1</source>
        <translation>SIREN %1</translation>
    </message>
    <message>
        <source>access valid until %1 (%2)</source>
        <translation>accès valable jusqu’au %1 (%2)</translation>
    </message>
    <message>
        <source>balance %1 as of %2</source>
        <translation>solde %1 au %2</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>au %1</translation>
    </message>
    <message>
        <source>To reconnect</source>
        <translation>À reconnecter</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Non vérifiée</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>Fin proche</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ConnectionView</name>
    <message>
        <source>Test connection</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Asks Qonto now whether the connection works, and updates the details.</source>
        <translation>Interroge Qonto pour vérifier que la connexion fonctionne, puis met à jour les détails.</translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation>Reconnecter…</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Disconnect…</source>
        <translation>Déconnecter…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Détails de la connexion</translation>
    </message>
    <message>
        <source>Who signed in, bank accounts and balances, permissions; then Advanced.</source>
        <translation>Qui s’est connecté, comptes et soldes, autorisations&#xa0;; puis Avancé.</translation>
    </message>
    <message>
        <source>Legal name: %1</source>
        <translation>Raison sociale&#xa0;: %1</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Environnement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>État&#xa0;: %1</translation>
    </message>
    <message>
        <source>Renew access</source>
        <translation>Renouveler l’accès</translation>
    </message>
    <message>
        <source>Asks Qonto now for 90 more days of access, which keeps the connection alive.</source>
        <translation>Demande dès maintenant à Qonto 90 jours d’accès de plus, ce qui maintient la connexion.</translation>
    </message>
    <message>
        <source>Signs in to Qonto again for this company, to renew or change permissions.</source>
        <translation>Se connecte de nouveau à Qonto pour cette société, pour renouveler ou modifier les autorisations.</translation>
    </message>
    <message>
        <source>Removes the app&apos;s access to this company at Qonto, after confirmation.</source>
        <translation>Retire l’accès de l’application à cette société chez Qonto, après confirmation.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Saves a period&apos;s statements, transactions and receipts as files (Ctrl+E).</source>
        <translation>Enregistre les relevés, les opérations et les justificatifs d’une période dans des fichiers (Ctrl+E).</translation>
    </message>
    <message>
        <source>Select a connection to see its details.</source>
        <translation>Sélectionnez une connexion pour en afficher les détails.</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>Open.</source>
        <translation>Ouvert.</translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>Fermé.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>Qonto Desktop logo</source>
        <translation>Logo de Qonto Desktop</translation>
    </message>
    <message>
        <source>No client is connected yet</source>
        <translation>Aucun client n’est encore connecté</translation>
    </message>
    <message>
        <source>Connect the Qonto companies you keep the books for: you sign in to Qonto in your browser, and the app keeps each client&apos;s access alive in your computer&apos;s own safe storage.</source>
        <translation>Connectez les sociétés Qonto dont vous tenez la comptabilité&#xa0;: vous vous identifiez sur Qonto dans votre navigateur, et l’application garde l’accès de chaque client en vie dans le coffre-fort du système de votre ordinateur.</translation>
    </message>
    <message>
        <source>Connect a client</source>
        <translation>Connecter un client</translation>
    </message>
    <message>
        <source>Opens the connection window, then Qonto&apos;s sign-in page in your browser.</source>
        <translation>Ouvre la fenêtre de connexion, puis la page d’authentification de Qonto dans votre navigateur.</translation>
    </message>
    <message>
        <source>Open the demo firm (40 clients)</source>
        <translation>Ouvrir le cabinet de démo (40 clients)</translation>
    </message>
    <message>
        <source>Open the demo firm</source>
        <translation>Ouvrir le cabinet de démo</translation>
    </message>
    <message>
        <source>Instead of connecting one company yourself: an accountant&apos;s 40 client companies, already connected, a few of them needing attention.</source>
        <translation>Au lieu de connecter une société vous-même&#xa0;: les 40 sociétés clientes d’un cabinet comptable, déjà connectées, dont quelques-unes à traiter.</translation>
    </message>
    <message>
        <source>Connecting the demo firm&apos;s 40 companies…</source>
        <translation>Connexion des 40 sociétés du cabinet de démo…</translation>
    </message>
</context>
<context>
    <name>ErrorView</name>
    <message>
        <source>Something went wrong</source>
        <translation>Une erreur s’est produite</translation>
    </message>
    <message>
        <source>What to do: {action}</source>
        <translation>Que faire&#xa0;: {action}</translation>
    </message>
    <message>
        <source>Qonto said: “{detail}”</source>
        <translation>Réponse de Qonto&#xa0;: «&#xa0;{detail}&#xa0;»</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the month end</source>
        <translation>Exporter la clôture du mois</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Dossiers clients</translation>
    </message>
    <message>
        <source>All clients (%1)</source>
        <translation>Tous les clients (%1)</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Seulement %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>Un mois</translation>
    </message>
    <message>
        <source>A quarter</source>
        <translation>Un trimestre</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation>Type de période</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Q%1 %2 (%3 to %4)</source>
        <translation>T%1 %2 (%3 à %4)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Dossier de destination</translation>
    </message>
    <message>
        <source>The folder that receives one folder per client</source>
        <translation>Le dossier qui reçoit un dossier par client</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation>Choisir le dossier de destination</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Statements (PDF)</source>
        <translation>Relevés (PDF)</translation>
    </message>
    <message>
        <source>Transactions for Excel (CSV)</source>
        <translation>Opérations pour Excel (CSV)</translation>
    </message>
    <message>
        <source>Transactions as plain CSV</source>
        <translation>Opérations en CSV standard</translation>
    </message>
    <message>
        <source>Transactions for accounting software (OFX)</source>
        <translation>Opérations pour logiciel comptable (OFX)</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
        <source>Choose a “To” date on or after the “From” date.</source>
        <translation>Choisissez une date «&#xa0;Au&#xa0;» égale ou postérieure à la date «&#xa0;Du&#xa0;».</translation>
    </message>
    <message>
        <source>The period ends after today.</source>
        <translation>La période se termine après aujourd’hui.</translation>
    </message>
    <message>
        <source>Choose dates up to today: the bank has nothing later yet.</source>
        <translation>Choisissez des dates jusqu’à aujourd’hui&#xa0;: la banque n’a encore rien après.</translation>
    </message>
    <message>
        <source>No destination folder is chosen.</source>
        <translation>Aucun dossier de destination n’est choisi.</translation>
    </message>
    <message>
        <source>Choose the folder that receives the files (button “Choose…”).</source>
        <translation>Choisissez le dossier qui reçoit les fichiers (bouton «&#xa0;Choisir…&#xa0;»).</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to.</source>
        <translation>Impossible d’écrire dans le dossier %1.</translation>
    </message>
    <message>
        <source>Choose a folder of yours where files can be saved.</source>
        <translation>Choisissez un de vos dossiers où des fichiers peuvent être enregistrés.</translation>
    </message>
    <message>
        <source>No file is chosen.</source>
        <translation>Aucun fichier n’est choisi.</translation>
    </message>
    <message>
        <source>Tick at least one kind of file.</source>
        <translation>Cochez au moins un type de fichier.</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <source>Less than a minute left</source>
        <translation>Moins d’une minute restante</translation>
    </message>
    <message>
        <source>About %1 min left</source>
        <translation>Environ %1&#xa0;min restantes</translation>
    </message>
    <message>
        <source>About %1 h %2 min left</source>
        <translation>Environ %1&#xa0;h&#xa0;%2&#xa0;min restantes</translation>
    </message>
    <message>
        <source>Reading transactions: %1 of %2</source>
        <translation>Lecture des opérations&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Downloading receipts: %1 of %2</source>
        <translation>Téléchargement des justificatifs&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>Reading transactions: %1 so far</source>
        <translation>Lecture des opérations&#xa0;: %1 pour l’instant</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Downloading statements</source>
        <translation>Téléchargement des relevés</translation>
    </message>
    <message>
        <source>Downloading receipts</source>
        <translation>Téléchargement des justificatifs</translation>
    </message>
    <message>
        <source>Writing files</source>
        <translation>Écriture des fichiers</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Stopped — resumes next time</source>
        <translation>Arrêté — reprend la prochaine fois</translation>
    </message>
    <message>
        <source>To reconnect — %1</source>
        <translation>À reconnecter — %1</translation>
    </message>
    <message>
        <source>To reconnect</source>
        <translation>À reconnecter</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Failed: %1 — %2</source>
        <translation>Échec&#xa0;: %1 — %2</translation>
    </message>
</context>
<context>
    <name>ExportProgressDialog</name>
    <message>
        <source>Month-end export</source>
        <translation>Export de la clôture du mois</translation>
    </message>
    <message>
        <source>Clients exported so far</source>
        <translation>Clients exportés jusqu’ici</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Progress of each client</source>
        <translation>Avancement de chaque client</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Dossier client</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stops the export cleanly: what is done is kept, the rest resumes next time.</source>
        <translation>Arrête l’export proprement&#xa0;: ce qui est fait est gardé, le reste reprend la prochaine fois.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Stopping at the next safe point…</source>
        <translation>Arrêt au prochain point sûr…</translation>
    </message>
    <message>
        <source>The files are in %1</source>
        <translation>Les fichiers sont dans %1</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Retry %1</source>
        <translation>Réessayer %1</translation>
    </message>
    <message>
        <source>Exporting — clients finished: %1 of %2…</source>
        <translation>Export en cours — clients terminés&#xa0;: %1 sur %2…</translation>
    </message>
    <message>
        <source>Stopped — exported: %1; the others resume at the next export.</source>
        <translation>Arrêté — exportés&#xa0;: %1&#x202f;; les autres reprennent au prochain export.</translation>
    </message>
    <message>
        <source>Done — exported: %1, failed: %2.</source>
        <translation>Terminé — exportés&#xa0;: %1, en échec&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Done — exported: %1.</source>
        <translation>Terminé — exportés&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>dans %1 min</translation>
    </message>
    <message>
        <source>in %1 h</source>
        <translation>dans %1 h</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>dans %1 jours</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>1 jour restant</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>%1 jours restants</translation>
    </message>
</context>
<context>
    <name>KeyringWords</name>
    <message>
        <source>Secret Service (%1)</source>
        <translation>Secret Service (%1)</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
    <message>
        <source>%1 (plain files, refused)</source>
        <translation>%1 (fichiers en clair, refusé)</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Gestionnaire d’identification Windows</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>Trousseau macOS</translation>
    </message>
    <message>
        <source>KWallet</source>
        <translation>KWallet</translation>
    </message>
    <message>
        <source>none (no keyring backend found)</source>
        <translation>aucun coffre-fort du système trouvé</translation>
    </message>
    <message>
        <source>none (keyring disabled)</source>
        <translation>aucun (coffre-fort du système désactivé)</translation>
    </message>
    <message>
        <source>unknown (%1)</source>
        <translation>inconnu (%1)</translation>
    </message>
    <message>
        <source>%1, then %2</source>
        <translation>%1, puis %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Demo: not connected to Qonto. The built-in emulator plays Qonto on this computer; no real account or money is involved.</source>
        <translation>Démo&#xa0;: aucune connexion à Qonto. L’émulateur intégré joue le rôle de Qonto sur cet ordinateur&#xa0;; aucun compte réel ni aucun argent réel n’est en jeu.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Mode Démo</translation>
    </message>
    <message>
        <source>Loading your connections…</source>
        <translation>Chargement de vos connexions…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Connect a client…</source>
        <translation>&amp;Connecter un client…</translation>
    </message>
    <message>
        <source>&amp;Renew all connections…</source>
        <translation>&amp;Renouveler toutes les connexions…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Barre de menus</translation>
    </message>
    <message>
        <source>%1 is connected.</source>
        <translation>Connexion établie avec %1.</translation>
    </message>
</context>
<context>
    <name>MenuActions</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>&amp;About Qonto Desktop</source>
        <translation>À &amp;propos de Qonto Desktop</translation>
    </message>
    <message>
        <source>Settings saved. The new language applies the next time Qonto Desktop starts.</source>
        <translation>Paramètres enregistrés. La nouvelle langue sera appliquée au prochain démarrage de Qonto Desktop.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>The log folder %1 cannot be created (%2).</source>
        <translation>Le dossier des journaux %1 ne peut pas être créé (%2).</translation>
    </message>
    <message>
        <source>Check the permissions of its parent folder.</source>
        <translation>Vérifiez les droits d’accès de son dossier parent.</translation>
    </message>
    <message>
        <source>The log folder is %1</source>
        <translation>Le dossier des journaux se trouve ici&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Masquer le message</translation>
    </message>
    <message>
        <source>Hides this message.</source>
        <translation>Masque ce message.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>MissingReceiptsDialog</name>
    <message>
        <source>Search by client, counterparty, label or amount</source>
        <translation>Rechercher par client, tiers, libellé ou montant</translation>
    </message>
    <message>
        <source>Search the missing receipts</source>
        <translation>Rechercher dans les justificatifs manquants</translation>
    </message>
    <message>
        <source>Reading the missing receipts…</source>
        <translation>Lecture des justificatifs manquants…</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Missing receipts</source>
        <translation>Justificatifs manquants</translation>
    </message>
    <message>
        <source>One row per transaction still missing its receipt. Click a title to sort.</source>
        <translation>Une ligne par opération encore sans justificatif. Cliquez sur un titre pour trier.</translation>
    </message>
    <message>
        <source>Missing receipts (%1)</source>
        <translation>Justificatifs manquants (%1)</translation>
    </message>
    <message>
        <source>The missing receipts could not be read.</source>
        <translation>Les justificatifs manquants n’ont pas pu être lus.</translation>
    </message>
    <message>
        <source>No receipt is missing: every transaction that needs one has one.</source>
        <translation>Aucun justificatif ne manque&#xa0;: chaque opération qui en demande un l’a.</translation>
    </message>
    <message>
        <source>Transactions needing a receipt: %1.</source>
        <translation>Opérations à justifier&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Transactions shown: %1 of %2.</source>
        <translation>Opérations affichées&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Rows saved: %1, in %2.</source>
        <translation>Lignes enregistrées&#xa0;: %1, dans %2.</translation>
    </message>
    <message>
        <source>Export the missing receipts</source>
        <translation>Exporter les justificatifs manquants</translation>
    </message>
</context>
<context>
    <name>MissingTable</name>
    <message>
        <source>Client</source>
        <translation>Dossier client</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
</context>
<context>
    <name>MonthEndActions</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Statements, transactions and receipts of a period, in files</source>
        <translation>Relevés, opérations et justificatifs d’une période, dans des fichiers</translation>
    </message>
    <message>
        <source>&amp;Missing receipts…</source>
        <translation>Justificatifs &amp;manquants…</translation>
    </message>
</context>
<context>
    <name>OrganizationFields</name>
    <message>
        <source>Company (optional)</source>
        <translation>Société (facultatif)</translation>
    </message>
    <message>
        <source>Leave both empty to choose the company in Qonto.</source>
        <translation>Laissez les deux vides pour choisir la société dans Qonto.</translation>
    </message>
    <message>
        <source>Organization ID</source>
        <translation>Identifiant de société</translation>
    </message>
    <message>
        <source>Optional. Locks the sign-in to this organization.</source>
        <translation>Facultatif. Limite la connexion à cette société.</translation>
    </message>
    <message>
        <source>Registration ID</source>
        <translation>Identifiant d’inscription</translation>
    </message>
    <message>
        <source>Optional. Preselects the organization created through Qonto&apos;s onboarding.</source>
        <translation>Facultatif. Présélectionne la société créée lors de l’inscription auprès de Qonto.</translation>
    </message>
    <message>
        <source>Reconnecting {organization}: the company stays the same.</source>
        <translation>Reconnexion de {organization}&#xa0;: la société reste la même.</translation>
    </message>
    <message>
        <source>Not a valid organization ID: it looks like {example}.</source>
        <translation>Identifiant de société non valide&#xa0;: il doit ressembler à {example}.</translation>
    </message>
    <message>
        <source>Not a valid registration ID: it looks like {example}.</source>
        <translation>Identifiant d’inscription non valide&#xa0;: il doit ressembler à {example}.</translation>
    </message>
    <message>
        <source>Give an organization ID or a registration ID, not both.</source>
        <translation>Indiquez un identifiant de société ou un identifiant d’inscription, pas les deux.</translation>
    </message>
</context>
<context>
    <name>PermissionSummary</name>
    <message>
        <source>Your own choice of permissions</source>
        <translation>Votre propre choix d’autorisations</translation>
    </message>
    <message>
        <source>Only signing in: nothing is read.</source>
        <translation>Connexion seule&#xa0;: rien n’est lu.</translation>
    </message>
    <message>
        <source>Without offline access, it stops after one hour.</source>
        <translation>Sans l’autorisation «&#xa0;Rester connecté sans se reconnecter&#xa0;», la connexion s’arrête au bout d’une heure.</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>App registration</source>
        <translation>Enregistrement de l’application</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Identifiant client</translation>
    </message>
    <message>
        <source>The client ID of your app in Qonto&apos;s Developer Portal, for this environment.</source>
        <translation>L’identifiant client de votre application dans le Developer Portal de Qonto, pour cet environnement.</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>Optional. Saved in this computer&apos;s keyring. Leave empty to keep the saved one.</source>
        <translation>Facultatif. Enregistré dans le coffre-fort du système de cet ordinateur. Laissez vide pour conserver celui déjà enregistré.</translation>
    </message>
    <message>
        <source>Optional; kept in the keyring</source>
        <translation>Facultatif&#xa0;; gardé dans le coffre-fort du système</translation>
    </message>
    <message>
        <source>Redirect port</source>
        <translation>Port de redirection</translation>
    </message>
    <message>
        <source>The port of the redirect URI registered in the Developer Portal ({low} to {high}).</source>
        <translation>Le port de l’URI de redirection enregistrée dans le Developer Portal de Qonto (de {low} à {high}).</translation>
    </message>
    <message>
        <source>Redirect host</source>
        <translation>Hôte de redirection</translation>
    </message>
    <message>
        <source>The host of the redirect URI registered in the Developer Portal.</source>
        <translation>L’hôte de l’URI de redirection enregistrée dans le Developer Portal de Qonto.</translation>
    </message>
    <message>
        <source>127.0.0.1 (recommended)</source>
        <translation>127.0.0.1 (recommandé)</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>Redirect URI to register</source>
        <translation>URI de redirection à enregistrer</translation>
    </message>
    <message>
        <source>Register exactly this address as a redirect URI in Qonto&apos;s Developer Portal.</source>
        <translation>Enregistrez exactement cette adresse comme URI de redirection dans le Developer Portal de Qonto.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Puts the redirect URI on the clipboard, to paste in the Developer Portal.</source>
        <translation>Copie l’URI de redirection dans le presse-papiers, pour la coller dans le Developer Portal de Qonto.</translation>
    </message>
    <message>
        <source>Copy the redirect URI</source>
        <translation>Copier l’URI de redirection</translation>
    </message>
    <message>
        <source>Staging token</source>
        <translation>Jeton de staging</translation>
    </message>
    <message>
        <source>The Sandbox staging token from the Developer Portal. Saved in the keyring.</source>
        <translation>Le jeton de staging du bac à sable, fourni par le Developer Portal de Qonto. Enregistré dans le coffre-fort du système.</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved one</source>
        <translation>Laissez vide pour le conserver</translation>
    </message>
    <message>
        <source>Approved for user access</source>
        <translation>Approuvée pour l’accès utilisateur</translation>
    </message>
    <message>
        <source>Only for apps Qonto approved for its user access; such an app cannot connect one company at a time.</source>
        <translation>Uniquement pour les applications que Qonto a approuvées pour son accès utilisateur&#xa0;; une telle application ne peut pas connecter une société à la fois.</translation>
    </message>
    <message>
        <source>One sign-in for all your companies, for apps Qonto approved for it.</source>
        <translation>Une seule connexion pour toutes vos sociétés, pour les applications que Qonto a approuvées pour cela.</translation>
    </message>
    <message>
        <source>Redirect host and port</source>
        <translation>Hôte et port de redirection</translation>
    </message>
    <message>
        <source>Redirect URI</source>
        <translation>URI de redirection</translation>
    </message>
    <message>
        <source>The Demo uses the emulator&apos;s own app registration: nothing to set up.</source>
        <translation>La Démo utilise l’enregistrement d’application propre à l’émulateur&#xa0;: rien à configurer.</translation>
    </message>
    <message>
        <source>Create an app in Qonto&apos;s Developer Portal for {environment}, register the redirect URI below, and enter its client ID.</source>
        <translation>Créez une application dans le Developer Portal de Qonto pour l’environnement {environment}, enregistrez-y l’URI de redirection ci-dessous, puis saisissez son identifiant client.</translation>
    </message>
    <message>
        <source>&lt;any free port&gt;</source>
        <translation>&lt;port libre&gt;</translation>
    </message>
</context>
<context>
    <name>RenewAllDialog</name>
    <message>
        <source>Renew all connections</source>
        <translation>Renouveler toutes les connexions</translation>
    </message>
    <message>
        <source>Renewal progress</source>
        <translation>Avancement du renouvellement</translation>
    </message>
    <message>
        <source>Connections renewed so far</source>
        <translation>Connexions renouvelées jusqu’ici</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Dossier client</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Outcome for each client</source>
        <translation>Résultat pour chaque dossier client</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>A renewal still running goes on in the background.</source>
        <translation>Un renouvellement en cours se poursuit en arrière-plan.</translation>
    </message>
    <message>
        <source>Waiting for the background renewal to finish…</source>
        <translation>En attente de la fin du renouvellement en arrière-plan…</translation>
    </message>
    <message>
        <source>Renewing access: %1 of %2…</source>
        <translation>Renouvellement des accès&#xa0;: %1 sur %2…</translation>
    </message>
    <message>
        <source>Renewing access…</source>
        <translation>Renouvellement des accès…</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Terminé. %1</translation>
    </message>
    <message>
        <source>Done: there is no connection to renew.</source>
        <translation>Terminé&#xa0;: aucune connexion à renouveler.</translation>
    </message>
    <message>
        <source>The renewal could not be done.</source>
        <translation>Le renouvellement n’a pas pu se faire.</translation>
    </message>
</context>
<context>
    <name>RenewOutcome</name>
    <message>
        <source>Renewed</source>
        <translation>Renouvelée</translation>
    </message>
    <message>
        <source>Still valid: nothing to renew</source>
        <translation>Encore valable&#xa0;: rien à renouveler</translation>
    </message>
    <message>
        <source>To reconnect (kept in the list).</source>
        <translation>À reconnecter (gardée dans la liste).</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Échec.</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Que faire&#xa0;: %1</translation>
    </message>
    <message>
        <source>Renewed: %1. Still valid: %2. To reconnect: %3. Failed: %4.</source>
        <translation>Renouvelées&#xa0;: %1. Encore valables&#xa0;: %2. À reconnecter&#xa0;: %3. En échec&#xa0;: %4.</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>et %1 autres</translation>
    </message>
    <message>
        <source>Connections renewed in the background: %1.</source>
        <translation>Connexions renouvelées en arrière-plan&#xa0;: %1.</translation>
    </message>
    <message>
        <source>To reconnect: %1.</source>
        <translation>À reconnecter&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Could not be renewed: %1. Try Renew all (menu File) later.</source>
        <translation>Renouvellement impossible&#xa0;: %1. Réessayez plus tard avec Renouveler toutes les connexions (menu Fichier).</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Closes this window.</source>
        <translation>Ferme cette fenêtre.</translation>
    </message>
    <message>
        <source>Connected to {organization}</source>
        <translation>Connexion établie avec {organization}</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>propriétaire</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <source>reporting</source>
        <translation>reporting</translation>
    </message>
    <message>
        <source>employee</source>
        <translation>employé</translation>
    </message>
    <message>
        <source>accountant</source>
        <translation>comptable</translation>
    </message>
    <message>
        <source>Signed in as {user} ({role}).</source>
        <translation>Utilisateur authentifié&#xa0;: {user} ({role}).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>role unknown</source>
        <translation>rôle inconnu</translation>
    </message>
    <message>
        <source>No bank account could be read with these permissions.</source>
        <translation>Aucun compte bancaire n’a pu être lu avec ces autorisations.</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Compte bancaire</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Shows what Qonto answered, its codes.</source>
        <translation>Affiche la réponse de Qonto et ses codes.</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Revenir au formulaire</translation>
    </message>
    <message>
        <source>Returns to the form, with everything kept, to change a choice.</source>
        <translation>Revient au formulaire, sans rien perdre, pour modifier un choix.</translation>
    </message>
    <message>
        <source>Starts the sign-in again, with the same choices.</source>
        <translation>Relance la connexion, avec les mêmes choix.</translation>
    </message>
    <message>
        <source>Connect another client</source>
        <translation>Connecter un autre client</translation>
    </message>
    <message>
        <source>Starts the next sign-in at once, with the same choices.</source>
        <translation>Lance aussitôt la connexion suivante, avec les mêmes choix.</translation>
    </message>
    <message>
        <source>1 client connected this session</source>
        <translation>1 client connecté pendant cette session</translation>
    </message>
    <message>
        <source>{count} clients connected this session</source>
        <translation>{count} clients connectés pendant cette session</translation>
    </message>
    <message>
        <source>{organization} was already connected: access renewed</source>
        <translation>{organization} était déjà connectée&#xa0;: accès renouvelé</translation>
    </message>
    <message>
        <source>The same connection goes on, with its history; nothing was duplicated.</source>
        <translation>La même connexion continue, avec son historique&#xa0;; rien n’a été dupliqué.</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>(main)</source>
        <translation>(principal)</translation>
    </message>
    <message>
        <source>(at another bank)</source>
        <translation>(dans une autre banque)</translation>
    </message>
    <message>
        <source>not shown</source>
        <translation>non affiché</translation>
    </message>
    <message>
        <source>1 company connected</source>
        <translation>1 société connectée</translation>
    </message>
    <message>
        <source>{count} companies connected</source>
        <translation>{count} sociétés connectées</translation>
    </message>
    <message>
        <source>Added, sharing one sign-in: {names}.</source>
        <translation>Ajoutées, avec une seule connexion partagée&#xa0;: {names}.</translation>
    </message>
    <message>
        <source>You refused access; nothing was connected</source>
        <translation>Vous avez refusé l’accès&#xa0;; rien n’a été connecté</translation>
    </message>
    <message>
        <source>Qonto was told no: the app got no access to this client&apos;s account.</source>
        <translation>Qonto a reçu votre refus&#xa0;: l’application n’a obtenu aucun accès au compte de ce client.</translation>
    </message>
    <message>
        <source>To connect it after all, choose Retry and approve in Qonto.</source>
        <translation>Pour le connecter malgré tout, choisissez Réessayer et donnez votre accord dans Qonto.</translation>
    </message>
    <message>
        <source>The connection did not succeed</source>
        <translation>La connexion n’a pas abouti</translation>
    </message>
    <message>
        <source>Qonto&apos;s code: {code}</source>
        <translation>Code de Qonto&#xa0;: {code}</translation>
    </message>
    <message>
        <source>Qonto said: “{detail}”</source>
        <translation>Réponse de Qonto&#xa0;: «&#xa0;{detail}&#xa0;»</translation>
    </message>
    <message>
        <source>HTTP status: {status}</source>
        <translation>Statut HTTP&#xa0;: {status}</translation>
    </message>
</context>
<context>
    <name>ScheduleSection</name>
    <message>
        <source>Renewal while the window is closed</source>
        <translation>Renouvellement quand la fenêtre est fermée</translation>
    </message>
    <message>
        <source>Connections not renewed for 90 days end. The system can start Qonto Desktop once a day to renew them, even when this window is closed. Installing writes and runs exactly this:</source>
        <translation>Les connexions qui ne sont pas renouvelées pendant 90&#xa0;jours prennent fin. Le système peut lancer Qonto Desktop une fois par jour pour les renouveler, même quand cette fenêtre est fermée. L’installation écrit et exécute exactement ceci&#xa0;:</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>What installing writes and runs</source>
        <translation>Ce que l’installation écrit et exécute</translation>
    </message>
    <message>
        <source>&amp;Install the scheduled renewal</source>
        <translation>&amp;Installer le renouvellement planifié</translation>
    </message>
    <message>
        <source>&amp;Remove it</source>
        <translation>Le &amp;retirer</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>Installation…</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Retrait…</translation>
    </message>
    <message>
        <source>Installed: the system renews the connections every day.</source>
        <translation>Installé&#xa0;: le système renouvelle les connexions chaque jour.</translation>
    </message>
    <message>
        <source>Not installed.</source>
        <translation>Non installé.</translation>
    </message>
    <message>
        <source>The scheduled renewal is installed.</source>
        <translation>Le renouvellement planifié est installé.</translation>
    </message>
    <message>
        <source>Removed, but “%1” failed (%2).</source>
        <translation>Retiré, mais «&#xa0;%1&#xa0;» a échoué (%2).</translation>
    </message>
    <message>
        <source>it said nothing</source>
        <translation>sans message</translation>
    </message>
    <message>
        <source>The scheduled renewal is removed.</source>
        <translation>Le renouvellement planifié est retiré.</translation>
    </message>
    <message>
        <source>The scheduled renewal cannot be offered here.</source>
        <translation>Le renouvellement planifié n’est pas disponible ici.</translation>
    </message>
    <message>
        <source>Every day, it runs:</source>
        <translation>Chaque jour, la tâche exécute&#xa0;:</translation>
    </message>
    <message>
        <source>It writes %1:</source>
        <translation>L’installation écrit %1&#xa0;:</translation>
    </message>
    <message>
        <source>It writes %1 for the scheduler to read, then deletes it:</source>
        <translation>L’installation écrit %1 pour que le planificateur le lise, puis le supprime&#xa0;:</translation>
    </message>
    <message>
        <source>Then it runs:</source>
        <translation>Puis elle exécute&#xa0;:</translation>
    </message>
    <message>
        <source>Removing it runs:</source>
        <translation>Le retrait exécute&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ScopePicker</name>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Sélection prédéfinie</translation>
    </message>
    <message>
        <source>Tick a ready-made set of permissions.</source>
        <translation>Cochez un ensemble prédéfini d’autorisations.</translation>
    </message>
    <message>
        <source>Custom selection</source>
        <translation>Sélection personnalisée</translation>
    </message>
    <message>
        <source>Search permissions</source>
        <translation>Rechercher des autorisations</translation>
    </message>
    <message>
        <source>Shows only the permissions whose name or description contain these words.</source>
        <translation>N’affiche que les autorisations dont le nom ou la description contiennent ces mots.</translation>
    </message>
    <message>
        <source>No permission matches this search.</source>
        <translation>Aucune autorisation ne correspond à cette recherche.</translation>
    </message>
    <message>
        <source>Warning: without offline access, the connection will stop after one hour and you will have to connect again.</source>
        <translation>Attention&#xa0;: sans l’autorisation «&#xa0;Rester connecté sans se reconnecter&#xa0;», la connexion s’arrêtera au bout d’une heure et vous devrez vous connecter de nouveau.</translation>
    </message>
    <message>
        <source>Scope string</source>
        <translation>Chaîne d’autorisations envoyée</translation>
    </message>
    <message>
        <source>The exact scope string the app sends to Qonto.</source>
        <translation>La chaîne d’autorisations exacte que l’application envoie à Qonto.</translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation>Choisissez au moins une autorisation.</translation>
    </message>
</context>
<context>
    <name>ScopeRow</name>
    <message>
        <source>Sensitive</source>
        <translation>Sensible</translation>
    </message>
    <message>
        <source>Moves money</source>
        <translation>Mouvements de fonds</translation>
    </message>
    <message>
        <source>{description} Note: {note}</source>
        <translation>{description} Remarque&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Up and Down move to the other permissions; Space ticks or unticks.</source>
        <translation>Les flèches haut et bas passent aux autres autorisations&#xa0;; Espace coche ou décoche.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of the window; System follows the computer&apos;s language.</source>
        <translation>La langue de la fenêtre&#xa0;; «&#xa0;Système&#xa0;» suit la langue de l’ordinateur.</translation>
    </message>
    <message>
        <source>The new language applies the next time Qonto Desktop starts.</source>
        <translation>La nouvelle langue sera appliquée au prochain démarrage de Qonto Desktop.</translation>
    </message>
    <message>
        <source>&amp;Keep connections alive while the app is open</source>
        <translation>&amp;Maintenir les connexions actives tant que l’application est ouverte</translation>
    </message>
    <message>
        <source>Shortly after start, then every few hours, renews each connection whose access would end within 60 days, so that it does not lapse.</source>
        <translation>Peu après le démarrage, puis toutes les quelques heures, renouvelle chaque connexion dont l’accès prendrait fin dans les 60 jours, pour qu’elle n’expire pas.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
</context>
<context>
    <name>WaitingPage</name>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Adresse d’authentification</translation>
    </message>
    <message>
        <source>The Qonto address the browser was asked to open.</source>
        <translation>L’adresse Qonto que le navigateur a été invité à ouvrir.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Puts the sign-in address on the clipboard.</source>
        <translation>Copie l’adresse d’authentification dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Copy the sign-in address</source>
        <translation>Copier l’adresse d’authentification</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>Rouvrir</translation>
    </message>
    <message>
        <source>Opens the sign-in address again.</source>
        <translation>Ouvre de nouveau l’adresse d’authentification.</translation>
    </message>
    <message>
        <source>Address your browser ended on</source>
        <translation>Adresse finale affichée par votre navigateur</translation>
    </message>
    <message>
        <source>Paste the full address from the browser&apos;s address bar after approving.</source>
        <translation>Après avoir donné votre accord, collez l’adresse complète affichée dans la barre d’adresse du navigateur.</translation>
    </message>
    <message>
        <source>Use this address</source>
        <translation>Utiliser cette adresse</translation>
    </message>
    <message>
        <source>Finishes the connection with the pasted address.</source>
        <translation>Termine la connexion avec l’adresse collée.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stops waiting and returns to the form.</source>
        <translation>Arrête l’attente et revient au formulaire.</translation>
    </message>
    <message>
        <source>Paste the address your browser ended on</source>
        <translation>Collez l’adresse finale affichée par votre navigateur</translation>
    </message>
    <message>
        <source>Only if the browser could not come back to this app (another computer, a remote desktop): after approving, copy the address from its address bar.</source>
        <translation>Uniquement si le navigateur n’a pas pu revenir vers cette application (autre ordinateur, bureau à distance)&#xa0;: après avoir donné votre accord, copiez l’adresse affichée dans sa barre d’adresse.</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>Checking the settings and the keyring before opening the browser.</source>
        <translation>Vérification des paramètres et du coffre-fort du système avant l’ouverture du navigateur.</translation>
    </message>
    <message>
        <source>Starts with {address}</source>
        <translation>Commence par {address}</translation>
    </message>
    <message>
        <source>Waiting for you to approve in Qonto</source>
        <translation>En attente de votre accord dans Qonto</translation>
    </message>
    <message>
        <source>Your browser was asked to open Qonto. Sign in, choose the organization and approve; this window goes on by itself. If no browser opened, copy the address below into one.</source>
        <translation>Votre navigateur a été invité à ouvrir Qonto. Connectez-vous, choisissez la société et donnez votre accord&#xa0;; cette fenêtre poursuivra d’elle-même. Si aucun navigateur ne s’est ouvert, copiez l’adresse ci-dessous dans un navigateur.</translation>
    </message>
    <message>
        <source>Time left: {time}</source>
        <translation>Temps restant&#xa0;: {time}</translation>
    </message>
</context>
<context>
    <name>WindowKeepAlive</name>
    <message>
        <source>Renew all is done. %1</source>
        <translation>Renouvellement terminé. %1</translation>
    </message>
</context>
</TS>
