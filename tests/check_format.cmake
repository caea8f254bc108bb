# Fails when a C++ file differs from what .clang-format makes of it, naming the file.
# Pinned to one clang-format major version: another one lays out some lines differently.
# Usage: cmake -DCLANG_FORMAT=<clang-format-14> -DSOURCE_DIR=<repository> -P check_format.cmake
# To fix: clang-format-14 -i FILE (the README's "Changing the code" says more).
set(folders app bench core tests ui)
set(files)
foreach(folder IN LISTS folders)
    file(GLOB_RECURSE found "${SOURCE_DIR}/${folder}/*.cpp" "${SOURCE_DIR}/${folder}/*.h")
    list(APPEND files ${found})
endforeach()
list(LENGTH files count)
if(count EQUAL 0)
    message(FATAL_ERROR "no C++ files under ${SOURCE_DIR}")
endif()
execute_process(COMMAND "${CLANG_FORMAT}" --style=file --dry-run -Werror ${files}
                WORKING_DIRECTORY "${SOURCE_DIR}"
                RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
    string(REGEX MATCHALL "[^\n]*:[0-9]+:[0-9]+: error: code should be clang-formatted" lines "${errors}")
    list(TRANSFORM lines REPLACE ":[0-9]+:[0-9]+: error: code should be clang-formatted" "")
    list(REMOVE_DUPLICATES lines)
    string(REPLACE ";" "\n" lines "${lines}")
    message(FATAL_ERROR "not formatted as .clang-format says:\n${lines}\nRun: ${CLANG_FORMAT} -i FILE")
endif()
message(STATUS "${count} files formatted as .clang-format says")
