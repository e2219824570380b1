/** `npm run bench`: not built yet (issue "Performance"); it says so instead of pretending to measure. */
console.log('npm run bench: the benchmark is not built yet; it will print build, search and page-weight figures.');
