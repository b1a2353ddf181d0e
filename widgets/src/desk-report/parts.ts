/** The report's parts loaded on demand, once a recap is there to show: the charts (with d3), the breakdown tables, the work orders' tables and the drill-down list. */
import "./charts/sigap-report-trend.js";
import "./breakdown/sigap-report-breakdown.js";
import "./drill/sigap-report-drill.js";
import "./work-orders/sigap-report-work-orders.js";
