// Reads a feed with eth-phishing-detect, as MetaMask does, and prints the
// verdict for each domain: node phishing_detect.js CONFIG.json DOMAIN...
"use strict";
const fs = require("fs");
const PhishingDetector = require("eth-phishing-detect/src/detector");

const [configPath, ...domains] = process.argv.slice(2);
const detector = new PhishingDetector(JSON.parse(fs.readFileSync(configPath, "utf8")));
const out = {};
for (const domain of domains) {
  out[domain] = detector.check(domain);
}
process.stdout.write(JSON.stringify(out));
