/** `npm run admin`: the operator CLI. Its commands arrive with a later issue; for now it explains itself. */
console.log(`Usage: npm run admin -- <command>

No admin commands yet. Until then:
  npm run db:migrate   apply database migrations
  npm run worker       run the job worker alone (scale-out)`);
