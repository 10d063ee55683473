// Hand-written building blocks for the Northwind Cloud sample data (see generate-samples.js).
// Each scenario is one real support situation: what customers say about it (in several moods),
// and the pieces a reply is made of. `fix` is the helpful core, written in the brand voice;
// `ack` acknowledges the customer; `next` offers the next step. Commercial, legal and
// cancellation scenarios carry `handoff: true`: their on-brand fix hands off to a human, and
// `direct` holds replies that answer on the spot instead (a missed escalation).

export const SCENARIOS = [
  {
    key: 'deploy-oom',
    asks: [
      { mood: 'confused', text: "Our deploy for api-gateway keeps failing at the build step with 'exit code 137'. Nothing changed in the Dockerfile. What does that even mean?" },
      { mood: 'frustrated', text: 'Third failed deploy today. The build dies with exit code 137 and your logs tell me nothing. We have a release going out at 5pm.' },
    ],
    ack: [
      "Sorry you're stuck on this. Exit 137 is a confusing one because the logs don't name the cause.",
      "Three failed deploys on a release day is a rough afternoon, so let's get this one through.",
    ],
    fix: [
      'Exit code 137 means the build container ran out of memory and was stopped. Your builds run on the 2 GB builder; switch to the 4 GB builder under Project → Settings → Builds and redeploy.',
      'That code means the build was killed for using more than its 2 GB memory limit, usually during a dependency install or a webpack step. Moving the project to the 4 GB builder (Project → Settings → Builds) fixes it in most cases.',
    ],
    next: "If it still fails after that, send me the deploy ID and I'll go through the build trace with you.",
    blame: 'You should have checked the memory limits before adding more build steps.',
    policy: 'build resources are allocated per plan tier',
  },
  {
    key: 'deploy-rollback',
    asks: [
      { mood: 'urgent', text: 'URGENT: the deploy we pushed 10 minutes ago broke checkout in production. How do I roll back RIGHT NOW?' },
      { mood: 'calm', text: 'Hi, is there a way to roll back to the previous release of our web app? The latest one has a bug on the login page.' },
    ],
    ack: [
      "Let's get checkout working first and debug afterwards.",
      "Good news: rolling back is quick and doesn't need a new build.",
    ],
    fix: [
      'Run `nw deploy rollback --app web --to previous`, or in the dashboard open Deployments, pick the last green release and click Promote. Traffic switches over in about 30 seconds.',
      'In the dashboard, go to Deployments, find the release before the broken one and choose Promote to production. From the CLI it is `nw deploy rollback --app web --to previous`. The switch takes under a minute and keeps your environment variables.',
    ],
    next: "Once you're stable, I'm happy to look at what changed between the two releases with you.",
    blame: 'You should have tested this in a staging environment before pushing to production.',
    policy: 'we do not roll back customer deployments on your behalf',
  },
  {
    key: 'dns-propagation',
    asks: [
      { mood: 'confused', text: "I pointed my domain's nameservers to Northwind yesterday but half our users still see the old site. Did I do something wrong?" },
      { mood: 'frustrated', text: "It's been 30 hours since I changed the DNS and app.brightlane.io still resolves to the old host. I thought this was supposed to be instant?" },
    ],
    ack: [
      "You didn't do anything wrong. This is one of the most confusing parts of moving a domain.",
      "Thirty hours is a long time to wait, and I understand why you're frustrated.",
    ],
    fix: [
      'Nameserver changes are cached by resolvers for as long as the old records\' TTL, which is often 48 hours. Your records on our side are correct. You can check progress with `dig NS <your-domain> @8.8.8.8`, and users on stale resolvers will move over as their cache expires.',
      'Your zone on our side is answering correctly, so what is left is cached data: the old nameserver TTL at your registrar was 172800 seconds (48 hours). Resolvers will keep picking up the new records until that window ends, and `dig +trace app.brightlane.io` shows which step is still stale.',
    ],
    next: "If anything still points to the old host after 48 hours, reply here and I'll check the delegation with you.",
    blame: 'You should have lowered the TTL before switching nameservers.',
    policy: "DNS propagation is outside of Northwind's control",
  },
  {
    key: 'ssl-renewal',
    asks: [
      { mood: 'urgent', text: 'Our SSL cert for shop.kestrelgoods.com expired this morning and customers are getting a security warning. Auto-renew was ON. Please fix this.' },
      { mood: 'calm', text: 'Got an email saying certificate renewal failed for docs.tallyhq.com. What do I need to do?' },
      { mood: 'furious', text: "Your 'automatic' SSL renewal failed and our storefront has shown a big red warning to every single customer for 6 hours. Unacceptable." },
    ],
    ack: [
      "A security warning in front of your customers is serious, and I'm sorry auto-renew let you down.",
      'Thanks for flagging it before it expires. This one is usually a quick fix.',
    ],
    fix: [
      "Renewal failed because the domain's CAA record only allows another certificate authority, so Let's Encrypt refused to issue. Add a CAA record for `letsencrypt.org` (or remove the CAA record), then click Retry issuance under Domains → SSL. The new certificate is usually live within five minutes.",
      "The renewal check couldn't reach `/.well-known/acme-challenge/` because a redirect rule sends that path to your app. Exclude that path from the redirect (or switch the domain to DNS validation under Domains → SSL) and click Retry issuance; the certificate is normally issued within a few minutes.",
    ],
    next: "I'll keep this ticket open until we both see the new certificate serving.",
    blame: 'You should have checked your CAA records when you set up the domain.',
    policy: 'certificate issuance depends on your DNS configuration',
  },
  {
    key: 'billing-double-charge',
    asks: [
      { mood: 'frustrated', text: 'We were charged twice for October, two identical charges of $1,240 on our company card. Please refund one of them.' },
      { mood: 'finance', text: "Hello, I'm in accounts payable at Ridgeway Analytics. Our statement shows invoice NW-2026-10-4471 paid twice. How do we get the duplicate payment back?" },
    ],
    ack: [
      "Being charged twice is never okay, and I'm sorry it happened.",
      'Thanks for catching this. I can see both payments on the account.',
    ],
    fix: [
      "I've confirmed the second $1,240 charge was a retry that should have been voided, and I've refunded it to the same card. It shows up in 5 to 10 business days depending on your bank, and you'll get a credit note by email today.",
      "The second payment came from a card retry that went through after the first one cleared. I've refunded it to the original card and our billing team has emailed a credit note for your records; the money is usually back within 5 to 10 business days.",
    ],
    next: "If it isn't on your statement by then, reply here and I'll chase it with our payments provider.",
    blame: 'You should have checked whether the first payment had gone through before retrying.',
    policy: 'refunds are processed within 5 to 10 business days',
  },
  {
    key: 'invoice-details',
    asks: [
      { mood: 'finance', text: "Our finance team needs PO number 4500-2219 and our VAT ID on every invoice. Can you reissue October's invoice with both?" },
      { mood: 'confused', text: "Where do I download past invoices? I need last quarter's for our auditors and I can't find them anywhere in the dashboard." },
    ],
    ack: [
      'Happy to sort this out so your finance team has what it needs.',
      'Good question. Invoices are a bit hidden right now.',
    ],
    fix: [
      "Go to Organization → Billing → Billing details and add the PO number and VAT ID; every future invoice will carry them. I've also reissued the October invoice with both fields, and it's in Billing → Invoices now.",
      'Invoices live under Organization → Billing → Invoices (you need the Owner or Billing role to see that page). You can download each one as a PDF, or select the quarter and choose Export to get them all in one zip file.',
    ],
    next: 'Let me know if your auditors need anything in a different format.',
    blame: 'As stated in our documentation, billing details need to be set before the invoice is generated.',
    policy: 'invoices cannot be modified after they are issued',
  },
  {
    key: 'enterprise-pricing',
    handoff: true,
    asks: [
      { mood: 'finance', text: "We're growing to about 60 engineers next quarter. What would the Enterprise plan cost us, and is there a volume discount?" },
      { mood: 'calm', text: 'Quick one: if we move from Team to Enterprise in the middle of our contract, how is the price calculated?' },
    ],
    ack: [
      "Congratulations on the growth. That's exactly the kind of change an Enterprise plan is built for.",
      "Good that you're thinking about this ahead of time.",
    ],
    fix: [
      "Enterprise pricing depends on seats, support tier and commitment length, so I'd rather not guess a number. I'm connecting you with your account manager, who can put together a quote and talk through volume discounts; you'll hear from them within one business day.",
      "The price for a mid-contract change depends on what's left of your current term, so I've passed this to your account manager. They'll send you the exact figures and options within one business day.",
    ],
    direct: [
      "Enterprise is $79 per seat per month, so 60 engineers would be $4,740 a month. We usually give about 15% off for annual prepay, so you'd be looking at roughly $48k a year.",
      'When you upgrade mid-contract the price is prorated to the day and your existing discount carries over. You can do it yourself under Billing → Plan.',
    ],
    next: 'In the meantime, the plan comparison at northwind.cloud/pricing covers the feature differences.',
    blame: 'You should have chosen the right plan when you signed up.',
    policy: 'pricing information is only provided through our sales team',
  },
  {
    key: 'contract-renewal',
    handoff: true,
    asks: [
      { mood: 'finance', text: 'Our annual contract renews on 30 November. I need the renewal price and whether we can move to quarterly billing before I sign anything.' },
      { mood: 'frustrated', text: 'We just got an auto-renewal notice with a 22% price increase and nobody told us. We did not agree to this.' },
    ],
    ack: [
      'Thanks for reaching out well before the renewal date.',
      "A price increase you weren't told about is a fair thing to be upset about.",
    ],
    fix: [
      "Renewal terms and billing frequency are set in your contract, so I've escalated this to your account manager, Dana Whitfield. She'll contact you within one business day with the renewal price and the quarterly option, and nothing will renew before you've spoken.",
      "I've escalated this to your account manager so they can go through the renewal terms with you directly. The renewal is on hold until you've spoken, and you'll hear from them within one business day.",
    ],
    direct: [
      'The renewal price reflects our 2027 list price update, which applies to all annual contracts. Quarterly billing is available for an extra 5%.',
      "The increase is in line with our standard renewal terms. If you don't want to renew, you can turn off auto-renewal under Billing → Contract before 30 November.",
    ],
    next: 'If you need anything in writing for your procurement team, I can send it today.',
    blame: 'The renewal terms were in the contract you signed.',
    policy: 'contracts renew automatically according to the terms of your agreement',
  },
  {
    key: 'gdpr-request',
    handoff: true,
    asks: [
      { mood: 'legal', text: "I'm counsel at Halden Health. Before we put any patient-adjacent data on Northwind we need your signed DPA and the list of subprocessors. Who do I talk to?" },
      { mood: 'legal', text: "Under GDPR Article 17 we're asking you to delete all personal data you hold about one of our former employees. What's the process?" },
    ],
    ack: [
      "Thanks for checking this before you migrate. It's the right order to do things in.",
      'Thank you for the clear request; we take these seriously.',
    ],
    fix: [
      "Our DPA and current subprocessor list are at northwind.cloud/legal, but for a signed copy and any redlines I'm connecting you with our privacy team. I've escalated your request and they'll reply within two business days.",
      "I've escalated your request to our privacy team, who handle every data subject request under GDPR. They'll confirm what we hold and the deletion timeline within five business days, and send you written confirmation when it's done.",
    ],
    direct: [
      "You can download the DPA from northwind.cloud/legal and sign it yourself. It's our standard agreement and we don't accept changes.",
      "Just remove the person from your organization under Settings → Members and their personal data is deleted automatically.",
    ],
    next: 'If your team would like a call with our Data Protection Officer, just say so.',
    blame: 'This information is already available in our legal center.',
    policy: 'legal requests must be submitted through the appropriate channel',
  },
  {
    key: 'cancellation',
    handoff: true,
    asks: [
      { mood: 'furious', text: "That's it. Third outage this month. Cancel our account and tell me how we get our data out. We're moving to another provider." },
      { mood: 'calm', text: "We've decided to wind down our side project on Northwind. How do I cancel the subscription without losing the backups?" },
    ],
    ack: [
      "Three outages in a month is not the service you're paying for, and I understand why you're done.",
      'Thanks for letting us know, and for thinking about the backups first.',
    ],
    fix: [
      "I've escalated this to your account manager so they can handle the cancellation and any credit for the outages personally. Your data stays yours either way: `nw backups export --all` downloads every snapshot, and nothing is deleted for 30 days after cancellation.",
      "Before cancelling, run `nw backups export --all` to download your snapshots; we also keep them for 30 days after cancellation. I've passed the cancellation to your account manager, who will confirm the end date and final invoice with you.",
    ],
    direct: [
      'You can cancel any time under Billing → Plan → Cancel subscription. Your data is deleted after 30 days.',
      'Go to Billing → Plan and click Cancel subscription. The remainder of the current term is not refunded.',
    ],
    next: "If there's anything we could have done differently, I'd genuinely like to hear it.",
    blame: 'Outages are listed on our status page, which you can subscribe to.',
    policy: 'cancellations take effect at the end of the current billing period',
  },
  {
    key: 'saml-sso',
    asks: [
      { mood: 'frustrated', text: "SSO with Azure AD has been 'almost working' for two days. Your docs contradict each other about the Entity ID." },
      { mood: 'confused', text: "Trying to set up SAML SSO with Okta. Users get 'Invalid audience' after they log in. Which URL am I supposed to put where?" },
    ],
    ack: [
      "Sorry about the conflicting docs. Two days on SSO setup is two days too many.",
      'That error almost always comes down to one field, so we should be close.',
    ],
    fix: [
      "In your IdP, set the Audience URI (SP Entity ID) to `https://auth.northwind.cloud/saml/<your-org-slug>` and the ACS URL to the same address with `/acs` on the end. The older page that says `northwind.cloud/sso` is out of date, and I've asked our docs team to fix it.",
      "The 'Invalid audience' message means the Entity ID your IdP sends doesn't match ours. Copy both values from Settings → Security → SSO (the Entity ID ends in your org slug) into the IdP exactly, then test with one user before enforcing SSO.",
    ],
    next: "If it still fails, send me a SAML trace (the browser extension is fine) and I'll read it with you.",
    blame: 'You should have followed the setup guide step by step.',
    policy: 'SSO configuration is the responsibility of your identity provider administrator',
  },
  {
    key: 'mfa-lockout',
    asks: [
      { mood: 'urgent', text: "I lost my phone and can't log in, MFA codes obviously don't work. I'm the only admin and we have a deploy stuck. Help." },
      { mood: 'calm', text: 'One of our developers got a new phone and lost his authenticator app. How can he get back in?' },
    ],
    ack: [
      "Being locked out as the only admin is stressful, especially mid-deploy, so let's get you back in.",
      "This happens a lot with new phones, and it's easy to fix.",
    ],
    fix: [
      "You can sign in with one of the recovery codes you saved when you turned on MFA. If you don't have them, I'll start identity verification now: you'll get an email with a short form, and once it's approved (usually within two hours) MFA is reset and you can enroll your new phone.",
      "Any organization Owner can reset his MFA under Settings → Members → (his name) → Reset MFA. He'll be asked to enroll the new phone the next time he logs in.",
    ],
    next: "I'd also suggest adding a second admin, so one lost phone can't lock the whole team out.",
    blame: 'You should have saved your recovery codes when you enabled MFA.',
    policy: 'for security reasons we cannot bypass multi-factor authentication',
  },
  {
    key: 'api-rate-limits',
    asks: [
      { mood: 'frustrated', text: "Our CI gets 429 Too Many Requests from your API every single night. We're paying for Team, so why are we being throttled?" },
      { mood: 'confused', text: "What's the actual rate limit on the Deployments API? The docs say 'fair use', which doesn't help me design our tooling." },
    ],
    ack: [
      "Nightly failures in CI are frustrating, and 'fair use' isn't a useful answer when you're designing around it.",
      "Fair point: 'fair use' isn't something you can build against.",
    ],
    fix: [
      'The limit is 600 requests per minute per token on Team and 3,000 on Enterprise. Your CI hits it at 02:00 UTC because 40 jobs start in the same second; staggering them, or honouring the `Retry-After` header on a 429, will stop the failures.',
      'The Team plan allows 600 requests per minute per token, with bursts up to 100 per second. Every response includes `X-RateLimit-Remaining`, and a 429 comes with a `Retry-After` header; backing off for that many seconds keeps the jobs green. Spreading the nightly jobs over separate tokens also helps.',
    ],
    next: 'If you share the token name, I can go through the last week of traffic with you.',
    blame: "You shouldn't start 40 jobs in the same second.",
    policy: 'rate limits are applied to protect platform stability for all customers',
  },
  {
    key: 'leaked-token',
    asks: [
      { mood: 'urgent', text: 'We accidentally pushed an API token to a public GitHub repo. How do I revoke it and make sure nobody used it?' },
      { mood: 'calm', text: "What's the recommended way to rotate API tokens without downtime?" },
    ],
    ack: [
      'Good call acting fast on this.',
      'Good question. Rotating without downtime is easy once you know the order.',
    ],
    fix: [
      'Revoke it now under Settings → API tokens → Revoke; it stops working immediately. Then open Settings → Audit log and filter by that token: every call made with it is listed with the IP address and time. Create a new token for the services that used it.',
      'Create the new token first, roll it out to your services, then revoke the old one under Settings → API tokens. The audit log shows the last time each token was used, so you can confirm nothing still relies on the old one before you revoke it.',
    ],
    next: "If the audit log shows any calls you don't recognise, reply here and we'll go through them together.",
    blame: 'You should never commit tokens to a repository.',
    policy: 'customers are responsible for the security of their API credentials',
  },
  {
    key: 'database-restore',
    asks: [
      { mood: 'urgent', text: 'Someone ran a migration that dropped the orders table in our production Postgres. We need to restore from backup immediately.' },
      { mood: 'frustrated', text: "I tried restoring yesterday's database backup and the restore has been stuck at 'pending' for 3 hours." },
    ],
    ack: [
      "That's a scary one, and we can get the data back.",
      "Three hours stuck on pending is not normal, and I'm sorry you've been waiting on it.",
    ],
    fix: [
      'Use point-in-time recovery rather than the nightly snapshot, so you lose as little as possible: Databases → orders-prod → Restore → Point in time, and pick a minute just before the migration ran. It restores to a new instance, so you can check the data before switching your app over.',
      "The restore was queued behind a maintenance lock on the source instance. I've cleared the lock and the restore is running now; a database of your size normally takes about 20 minutes, and you'll get an email when it's ready.",
    ],
    next: "I'll keep an eye on it and update this ticket as soon as it finishes.",
    blame: 'You should have tested the migration on a staging database first.',
    policy: 'backups are restored on a best-effort basis',
  },
  {
    key: 'backup-retention',
    asks: [
      { mood: 'calm', text: 'How long do you keep database backups, and can we extend that for compliance?' },
      { mood: 'confused', text: "Are the backups encrypted? Our security questionnaire asks and I couldn't find it anywhere." },
    ],
    ack: [
      'Good to settle this before the audit rather than during it.',
      'Happy to help with the questionnaire.',
    ],
    fix: [
      'Nightly backups are kept for 7 days on Team and 30 days on Enterprise, and point-in-time recovery covers the last 7 days. You can extend retention up to 365 days per database under Databases → Backups → Retention; the extra retention is billed per GB.',
      'Yes. Backups are encrypted at rest with AES-256, and the keys are managed in our KMS and rotated every 90 days. Our security whitepaper at northwind.cloud/security covers this in the wording most questionnaires need.',
    ],
    next: 'If your questionnaire has more items like this, feel free to send the whole list.',
    blame: 'This is covered in our documentation.',
    policy: 'retention periods are defined by your plan',
  },
  {
    key: 'k8s-upgrade',
    asks: [
      { mood: 'calm', text: 'We need to upgrade our managed Kubernetes cluster from 1.29 to 1.31. Can we skip 1.30, and will our workloads restart?' },
      { mood: 'frustrated', text: "Your forced Kubernetes upgrade restarted all our nodes during business hours. Why wasn't this done in a maintenance window?" },
    ],
    ack: [
      "Good that you're planning it ahead.",
      "Restarting nodes during business hours without warning shouldn't happen, and I'm sorry it hit your team.",
    ],
    fix: [
      'Kubernetes upgrades go one minor version at a time, so it is 1.29 → 1.30 → 1.31. Each step drains and replaces nodes one by one, so workloads with at least two replicas and a PodDisruptionBudget stay up. Run `nw k8s upgrade check` first; it lists the deprecated APIs your manifests still use.',
      'Version 1.28 reached end of support on 28 October, and the automatic upgrade ran because the cluster had no maintenance window set. You can set one under Clusters → Settings → Maintenance, so future upgrades only run in the hours you choose.',
    ],
    next: 'Happy to review your PodDisruptionBudgets with you before the next upgrade if that would help.',
    blame: 'You should have set a maintenance window, as the upgrade notice said.',
    policy: 'clusters on unsupported versions are upgraded automatically',
  },
  {
    key: 'k8s-capacity',
    asks: [
      { mood: 'confused', text: "Pods in our worker deployment keep getting OOMKilled but the node has plenty of free memory. What am I missing?" },
      { mood: 'urgent', text: "Cluster autoscaler isn't adding nodes and we have 200 pods stuck in Pending. Our job queue is backing up fast." },
    ],
    ack: [
      'This one confuses a lot of people, because the node looks healthy.',
      "Pods stuck in Pending with a growing queue is urgent, so let's go straight to the cause.",
    ],
    fix: [
      "OOMKilled is about the container's own limit, not the node's free memory. Your worker pods have `limits.memory: 512Mi` and peak around 700Mi during batch jobs; raising the limit to 1Gi (and the request to match) should stop the restarts.",
      "The node pool has hit its maximum of 10 nodes, so the autoscaler can't add more. Raise the maximum under Clusters → Node pools → workers → Autoscaling, or run `nw k8s nodepool update workers --max 20`; new nodes join in about three minutes.",
    ],
    next: 'Send me the output of `kubectl describe pod` for one of them if anything looks different.',
    blame: 'Memory limits are your responsibility, as clearly stated in the docs.',
    policy: 'resource limits are configured by the customer',
  },
  {
    key: 'prod-502',
    asks: [
      { mood: 'furious', text: 'Our whole site is returning 502 Bad Gateway and your status page says everything is green. Are you kidding me?' },
      { mood: 'urgent', text: 'PRODUCTION DOWN. All requests to api.parcelly.com return 502 since 14:05 UTC. Please escalate.' },
    ],
    ack: [
      "A 502 on your whole site while our status page shows green is infuriating, and you're right to push.",
      "I've treated this as a production incident from the moment it came in.",
    ],
    fix: [
      "We've confirmed a fault in one load balancer pool in eu-west-2 that affects a subset of customers, including you, and the status page is being updated now. I've escalated to the on-call engineers and moved your traffic to a healthy pool, so you should see 200s again within a few minutes.",
      "I've escalated this to our on-call engineers. The 502s come from your app's health check failing after the 14:03 deploy, so the load balancer has no healthy targets; rolling back (`nw deploy rollback --app api --to previous`) should bring it back while we look at why the health check fails.",
    ],
    next: "I'll post an update here every 30 minutes until this is resolved.",
    blame: 'Our status page is accurate, so the issue is most likely on your end.',
    policy: 'incidents are communicated through our status page',
  },
  {
    key: 'db-connections',
    asks: [
      { mood: 'confused', text: "Postgres keeps saying 'remaining connection slots are reserved'. We only have 3 app instances. How?" },
      { mood: 'frustrated', text: "Our app crashes every morning at peak with 'too many connections'. We've already upgraded the database twice." },
    ],
    ack: [
      'That message is confusing when you only run a few instances.',
      "Upgrading twice and still seeing this is really annoying, so let's find the actual cause.",
    ],
    fix: [
      "Each app instance opens its own pool of connections, and 3 instances × 40 workers asks for 120 against a limit of 100. Turn on the built-in PgBouncer under Databases → Connection pooling and point your app at the pooled port (6432); it serves hundreds of clients over a few real connections.",
      "The database size isn't the bottleneck here: each instance's ORM pool is set to 50, and at peak you run 4 instances, so that's 200 connections against a limit of 120. Enabling connection pooling (Databases → Connection pooling) fixes it without another upgrade.",
    ],
    next: "If you'd like, I can watch the connection graph with you during tomorrow morning's peak.",
    blame: 'You should have configured connection pooling from the start.',
    policy: 'connection limits are determined by your database plan',
  },
  {
    key: 'egress-bill',
    asks: [
      { mood: 'finance', text: "Our October bill was $3,900 higher than usual, almost all of it 'object storage egress'. Can someone explain this line item?" },
      { mood: 'furious', text: 'You charged us $11,000 in bandwidth overnight with zero warning. No alert, nothing. This is outrageous.' },
    ],
    ack: [
      'Happy to break that line down for you.',
      "A jump like that without any warning is alarming, and I'm sorry it came as a surprise.",
    ],
    fix: [
      'The extra charge is 42 TB of egress from the `media-prod` bucket between 14 and 19 October, almost all of it to a single IP range. That pattern usually means a hotlinked file or a runaway client. You can set a spend alert under Billing → Alerts, and putting the CDN in front of that bucket cuts egress costs by about 70%.',
      "Almost all of it is traffic from the `assets` bucket served directly rather than through the CDN. I've escalated the charge to our billing team for review, given there was no alert, and they'll contact you within one business day. Turning on the CDN and a spend alert will stop it happening again.",
    ],
    next: 'I can send a day-by-day breakdown if that helps with your review.',
    blame: 'You should have set up billing alerts.',
    policy: 'usage-based charges are billed as incurred',
  },
  {
    key: 'webhooks',
    asks: [
      { mood: 'confused', text: 'Our firewall only allows known IPs. Which IP ranges do your webhooks come from?' },
      { mood: 'frustrated', text: 'Deploy notifications to our Slack stopped arriving on Monday. Nothing changed on our side.' },
    ],
    ack: [
      "Sure, it's a common setup.",
      'Silent failures like this are the worst kind, because nothing tells you.',
    ],
    fix: [
      'Webhooks come from 203.0.113.0/26 and 198.51.100.64/27. The list is also published as JSON at northwind.cloud/ips.json; it rarely changes, and any change is announced two weeks ahead.',
      'Your Slack webhook URL started returning 404 on Monday, and after ten failures in a row we pause the endpoint. Regenerate the incoming webhook in Slack, paste it into Project → Integrations → Slack, and click Resume.',
    ],
    next: "Once it's running, Project → Integrations shows every delivery, so you can confirm it's working.",
    blame: 'You should have checked the delivery log before contacting support.',
    policy: 'webhook endpoints are disabled after repeated failures',
  },
  {
    key: 'team-access',
    asks: [
      { mood: 'calm', text: 'How do I invite a contractor with access to only one project?' },
      { mood: 'confused', text: 'I invited three teammates but they say the invite link has expired. I only sent it an hour ago.' },
    ],
    ack: [
      'Good question.',
      "Sorry the invites didn't work the first time.",
    ],
    fix: [
      "Invite them under Settings → Members with the Guest role, then add them to the one project under Project → Access. Guests can't see other projects, billing or organization settings.",
      "Invite links expire after 60 minutes when SSO is enforced for your organization, because we expect people to sign in through your identity provider instead. Ask them to log in via SSO at northwind.cloud/login/<your-org>, and they'll join automatically.",
    ],
    next: "Let me know if you'd rather they had read-only access.",
    blame: 'As mentioned in the invite email, links expire.',
    policy: 'access management is handled by your organization owner',
  },
  {
    key: 'region-migration',
    asks: [
      { mood: 'calm', text: 'We need all our data to stay in the EU for a German customer. Can we move our project from us-east to eu-central?' },
      { mood: 'urgent', text: "Our customer's security review fails on Friday unless their data is in the EU. How fast can we migrate?" },
    ],
    ack: [
      "Good to hear you're growing in Europe.",
      "Friday is tight but doable, so let's plan it now.",
    ],
    fix: [
      "You can clone the project into eu-central with `nw project clone --region eu-central-1`. It copies apps, environment variables and databases, with a short read-only window for the final sync. Once you've checked the clone, switch DNS over and delete the us-east project.",
      'A project of your size migrates in about two hours, with a read-only window of roughly ten minutes at the end. Start with `nw project clone --region eu-central-1` on a staging copy today, so Friday only needs the production run.',
    ],
    next: 'If you like, we can book the cut-over together so someone on our side is watching.',
    blame: 'You should have chosen the right region when you created the project.',
    policy: 'data residency is determined at project creation',
  },
  {
    key: 'log-retention',
    asks: [
      { mood: 'frustrated', text: 'I need logs from last Tuesday to debug an incident and the log viewer only goes back 3 days. Where are they?' },
      { mood: 'calm', text: 'Can we ship our app logs to Datadog?' },
    ],
    ack: [
      'Missing logs in the middle of an incident review is really frustrating.',
      'Yes, and it only takes a few minutes.',
    ],
    fix: [
      "On your plan the log viewer keeps three days, so Tuesday's logs have already expired, and I'm sorry there's no way to bring them back. For the future, add a log drain (Project → Logs → Drains) to S3 or your log tool, and you'll keep everything for as long as you like.",
      'Add a log drain under Project → Logs → Drains, choose Datadog, and paste your API key and site. Logs start flowing within a minute and carry the app, deployment and instance as tags.',
    ],
    next: "If you tell me which tool you use, I'll send you the exact drain settings.",
    blame: 'Log retention limits are listed on the pricing page.',
    policy: 'logs are retained according to your plan',
  },
  {
    key: 'cli-login',
    asks: [
      { mood: 'confused', text: '`nw login` opens the browser, I approve, and then the CLI just hangs. macOS, latest version.' },
      { mood: 'frustrated', text: "The CLI says 'token expired' every 10 minutes and I have to log in again. It's driving me nuts." },
    ],
    ack: [
      'Thanks for the details, they make this much quicker.',
      'That would drive me nuts too.',
    ],
    fix: [
      'The CLI waits for the browser to call back on localhost:8765, and some VPNs block that. Try `nw login --device`, which gives you a code to paste instead of using the callback.',
      "That's a known bug in CLI 4.2.0: the refresh token isn't saved when your home directory is on a network drive. Version 4.2.1 fixes it, so run `brew upgrade nw` or `npm i -g @northwind/cli@latest`.",
    ],
    next: 'If it keeps happening after that, run the command with `--debug` and send me the output.',
    blame: 'You should have read the release notes before upgrading.',
    policy: 'we only support the latest version of the CLI',
  },
  {
    key: 'terraform-diff',
    asks: [
      { mood: 'confused', text: 'The Terraform provider wants to destroy and recreate our database on every plan, even with no changes. Why?' },
      { mood: 'frustrated', text: "Terraform keeps showing a diff on maintenance_window for every cluster. We've wasted a day on this." },
    ],
    ack: [
      "That's alarming to see in a plan, so good call checking before applying.",
      "Sorry about the lost day. It's a bug on our side, not your config.",
    ],
    fix: [
      "That's caused by the `version` attribute: we return `16.4` and your config says `16`, so Terraform sees a change. Pin the full version or add `lifecycle { ignore_changes = [version] }`; provider 3.8.0 also fixes the comparison.",
      "It's a known issue in provider 3.7, which returns `maintenance_window` in UTC. Upgrading to 3.8.0 fixes the diff; until then, write the window in UTC in your config and the plan will be clean.",
    ],
    next: 'Let me know what `terraform plan` shows after the upgrade.',
    blame: 'You should have pinned the provider version.',
    policy: 'third-party tooling is supported on a best-effort basis',
  },
  {
    key: 'nonprofit-discount',
    handoff: true,
    asks: [
      { mood: 'finance', text: "We're a registered non-profit. Do you offer any discount on the Team plan?" },
      { mood: 'calm', text: "Is there a startup program or credits? We're a seed-stage company and AWS offered us $25k." },
    ],
    ack: [
      'Thanks for asking. We do work with non-profits.',
      'Thanks for considering us at this stage.',
    ],
    fix: [
      "Discounts are handled by our partnerships team, so I've connected you with an account manager who runs our non-profit program. They'll be in touch within one business day and will ask for your registration details.",
      "We do have a startup program. I've passed your details to an account manager on that team, and they'll contact you within one business day about eligibility and credits.",
    ],
    direct: [
      "Yes, non-profits get 50% off Team. Just email us your registration certificate and we'll apply it.",
      "We can match that with $25k in credits. I'll add them to your account now.",
    ],
    next: 'Meanwhile, you can keep using the free tier without a card.',
    blame: 'Discount information is on our website.',
    policy: 'discounts are not available on self-serve plans',
  },
  {
    key: 'sla-credit',
    handoff: true,
    asks: [
      { mood: 'furious', text: 'Your outage on 3 November took our API down for 4 hours. Our contract has a 99.95% SLA. I want the credit and a written RCA.' },
      { mood: 'finance', text: 'How do we claim the SLA credit for the 3 November incident? Our contract references a service credit schedule.' },
    ],
    ack: [
      "Four hours of downtime is a serious breach of what we promised you, and you're right to ask for both.",
      'Thanks for the contract reference, that helps.',
    ],
    fix: [
      "I've escalated this to your account manager to process the SLA credit under your contract, and our incident team is finishing the written root-cause analysis for 3 November. You'll get the RCA by 10 November and the credit confirmation within five business days.",
      "I've escalated your credit request to your account manager, who handles SLA claims, and linked it to the incident. The written RCA goes to every affected customer, and I've added your email so you get it directly.",
    ],
    direct: [
      "SLA credits are 10% of the monthly fee per hour below target, so you'll get 40% off next month automatically. The RCA is on our status page.",
      "Our SLA only covers the control plane, so downtime on your apps doesn't qualify for a credit.",
    ],
    next: 'If you need anything else for your own customers, let me know.',
    blame: 'You should have set up multi-region failover.',
    policy: 'SLA credits must be requested within 30 days of the incident',
  },
  {
    key: 'legal-notice',
    handoff: true,
    asks: [
      { mood: 'legal', text: "Our legal team received a notice claiming one of the sites hosted on our account infringes a trademark. What is Northwind's process?" },
      { mood: 'urgent', text: 'We got a takedown notice for one of our customer sites and our lawyer wants to know by tomorrow what you will do with it.' },
    ],
    ack: [
      'Thanks for bringing this to us straight away.',
      'Understood, and thanks for the deadline, it helps us prioritise.',
    ],
    fix: [
      "Legal notices go to our trust and safety team, so I've escalated your ticket to them and to your account manager. They'll review the notice and explain the process within two business days, and nothing will be taken down without talking to you first.",
      "I've escalated this to our legal and trust team, who handle notices like this, and flagged your deadline. Please forward the full notice to legal@northwind.cloud so they have everything they need.",
    ],
    direct: [
      'We have to comply with the notice, so the site will be suspended within 24 hours unless you remove the content.',
      "That's between you and the claimant, so there is nothing Northwind needs to do.",
    ],
    next: 'If the claimant contacts you again in the meantime, please add it to this ticket.',
    blame: 'You should have checked the content before hosting it.',
    policy: 'we comply with all valid legal requests',
  },
  {
    key: 'env-vars',
    asks: [
      { mood: 'confused', text: 'I updated an environment variable but the app still reads the old value. Do I need to redeploy?' },
      { mood: 'furious', text: 'Changed DATABASE_URL an hour ago and production STILL connects to the old database. What the hell is going on?' },
    ],
    ack: [
      'Good question. This trips a lot of people up.',
      "An hour of connecting to the wrong database is unnerving, so let's fix it now.",
    ],
    fix: [
      'Environment variables are read when an instance starts, so running instances keep the old value. Click Restart on the app (or run `nw app restart api`) and the new instances will pick up the change; no rebuild is needed.',
      'Variables are baked in when instances start, so the change applies after a restart. `nw app restart api --rolling` restarts the instances one at a time without downtime.',
    ],
    next: "If the old value still shows after the restart, tell me the app name and I'll check which release it's running.",
    blame: 'As stated in the docs, you need to restart after changing variables.',
    policy: 'configuration changes take effect on the next deployment',
  },
  {
    key: 'apex-domain',
    asks: [
      { mood: 'confused', text: "Can I point the apex domain (no www) at my app? My DNS provider doesn't allow a CNAME at the root." },
      { mood: 'calm', text: 'What records do I need so both example.org and www.example.org work with HTTPS?' },
    ],
    ack: [
      'Good question. The apex is the awkward one.',
      'Happy to help, it only takes two records.',
    ],
    fix: [
      'Yes: use an ALIAS or ANAME record if your provider supports it, or point A records at 76.223.0.10 and 76.223.0.11. If you move your DNS to Northwind, we handle the apex for you automatically.',
      "Point the apex at our anycast addresses with two A records (76.223.0.10 and 76.223.0.11), and keep `www` as a CNAME to your app. The certificate covers both names once the records resolve.",
    ],
    next: 'Once the records are in, the Domains page turns green within a few minutes.',
    blame: 'This is explained in the custom domain guide.',
    policy: 'apex domains require specific DNS configuration',
  },
];

/** Short multi-turn conversations: the bot asks one clarifying question before its reply. */
export const CONVERSATIONS = [
  { key: 'deploy-oom', clarify: 'Sorry about the failed deploys. Which project is this, and is it failing at the build or the release step?', followup: "It's api-gateway, and it dies during `npm ci` in the build." },
  { key: 'dns-propagation', clarify: 'Which domain is it, and when did you change the nameservers?', followup: 'brightlane.io, yesterday around 9am our time.' },
  { key: 'ssl-renewal', clarify: "I'm on it. Which domain is showing the warning?", followup: 'shop.kestrelgoods.com, the main storefront.' },
  { key: 'billing-double-charge', clarify: 'Could you tell me the invoice number or the date of the two charges?', followup: 'Both on 1 October, invoice NW-2026-10-4471.' },
  { key: 'saml-sso', clarify: 'Which identity provider are you using, and what error do users see?', followup: "Okta. They get 'Invalid audience' right after logging in." },
  { key: 'api-rate-limits', clarify: 'Which token does your CI use, and roughly when do the 429s start?', followup: 'The ci-nightly token. Every night around 02:00 UTC.' },
  { key: 'database-restore', clarify: 'Understood. Which database is it, and roughly when did the migration run?', followup: 'orders-prod, about 20 minutes ago, at 10:42.' },
  { key: 'prod-502', clarify: "I'm treating this as an incident. Which app and region is affected?", followup: 'api.parcelly.com in eu-west-2. Everything, all endpoints.' },
  { key: 'contract-renewal', clarify: 'Happy to help. Is this about the contract that renews on 30 November?', followup: 'Yes. We need the price before procurement signs off, and we want quarterly billing.' },
  { key: 'cancellation', clarify: "I'm sorry to hear that. Is this for the whole organization or just one project?", followup: 'The whole organization. We are done.' },
];
