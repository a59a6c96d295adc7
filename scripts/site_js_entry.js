// What the site's path finder takes from npm: graphology's Graph and its Dijkstra
// (graphology-shortest-path, whose bidirectional search follows networkx's, the one the
// CLI uses). scripts/build_site_js.sh bundles this into one IIFE that sets
// window.datacareersGraph; the page's own code (views/site/assets/path.js) does the rest.
import Graph from "graphology";
import * as dijkstra from "graphology-shortest-path/dijkstra";

window.datacareersGraph = { Graph: Graph, dijkstra: dijkstra };
