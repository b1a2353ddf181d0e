// Demo only: the gateway in demo mode stands in for the portal's token signer (the demo administrator).
const admin = document.getElementById("admin");
const res = await fetch("/demo/agent-token?email=" + encodeURIComponent("admin@demo.sigap.local"));
admin.setAttribute("token", (await res.json()).token);
