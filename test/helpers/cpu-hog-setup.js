module.exports = require('./cpu-hog').globalSetup;
