/* The floor for anything that reads a repository through Debian's libgit2: load the library
 * (and the libraries it pulls in), initialise it, and open the repository in the current
 * folder. `gtm check --staged` cannot start faster than this. */
#include <git2.h>
#include <stdio.h>

int main(void) {
    git_repository *repository = NULL;
    git_libgit2_init();
    if (git_repository_open_ext(&repository, ".", 0, NULL) != 0) {
        fprintf(stderr, "not a git repository\n");
        return 1;
    }
    git_repository_free(repository);
    git_libgit2_shutdown();
    return 0;
}
