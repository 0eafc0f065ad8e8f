module.exports = require('./cpu-hog').globalTeardown;
