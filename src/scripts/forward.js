// A moved page forwards at once, keeping the cited paragraph (#p12), which a meta refresh would drop.
// Classic and external: it runs before the refresh below it, under a CSP without inline scripts.
const target = document.querySelector('meta[name="moved-to"]')?.getAttribute('content');
if (target) location.replace(target + location.hash);
