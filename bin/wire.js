#!/usr/bin/env node
// The CLI runs from its bundle (`npm run build`: dist/bundle/), a few dozen chunks instead of some 160 modules: Node
// loads each ES module file at a cost of its own, and a one-story run starts about 60 ms sooner this way.
import '../dist/bundle/main.js';
