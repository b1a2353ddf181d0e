// Demo only: the gateway in demo mode stands in for the portal's token signer (the demo manager, who sees the site).
const report = document.getElementById("report");
const res = await fetch("/demo/agent-token?email=" + encodeURIComponent("sri@demo.sigap.local"));
report.setAttribute("token", (await res.json()).token);
