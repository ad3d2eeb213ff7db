#pragma once
// What another township may see of a person's name: the first character, then one * for every further
// character (张三 → 张*, 欧阳小明 → 欧***: characters are counted, surnames are not recognised). The one
// masking rule of the cross-township lookup and of the person_already_registered answer, so both show the same.
#include <string>
#include <string_view>

namespace fupin::common {

// Counts UTF-8 code points, so a Chinese character is one character (not three bytes). Text that is not
// well-formed UTF-8 gives "*" (nothing of it is shown); "" gives "".
std::string mask_name(std::string_view name);

}  // namespace fupin::common
